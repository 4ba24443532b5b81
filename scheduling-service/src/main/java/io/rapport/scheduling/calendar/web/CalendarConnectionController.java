package io.rapport.scheduling.calendar.web;

import io.rapport.platform.domain.Member;
import io.rapport.scheduling.calendar.CalendarConnection;
import io.rapport.scheduling.calendar.ConnectedCalendars;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The member's own CalDAV calendar: interviews are written there and its busy times count in conflict checks. */
@Tag(name = "Calendar connection", description = "The member's CalDAV calendar: interviews are written there, and its busy times (start and end only) count in conflict checks.")
@RestController
class CalendarConnectionController {

    private final ConnectedCalendars calendars;

    CalendarConnectionController(ConnectedCalendars calendars) {
        this.calendars = calendars;
    }

    /** The secret travels in; it is never answered back. */
    record ConnectRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ConnectedCalendars.MAX_URL,
                    description = "The calendar collection's http(s) address, e.g. https://calendar.example.org/dav/ada/work/")
            String url,
            @Schema(maxLength = ConnectedCalendars.MAX_USER, description = "The user name; required with a password") String user,
            @Schema(maxLength = ConnectedCalendars.MAX_SECRET, description = "The password or app password (HTTP Basic); or give a token") String password,
            @Schema(maxLength = ConnectedCalendars.MAX_SECRET, description = "A bearer token, instead of a password") String token) {

        @Override
        public String toString() {
            return "ConnectRequest[url=" + url + ", user=" + user + "]";
        }
    }

    record ConnectionResponse(String url, String user, String auth,
            @Schema(description = "CONNECTED, or FAILING when the last call to the server failed (see lastError)") String status,
            Instant connectedAt, Instant lastSyncAt,
            @Schema(description = "What went wrong the last time the server was asked, in plain words") String lastError,
            Instant lastErrorAt) {

        static ConnectionResponse of(CalendarConnection c) {
            return new ConnectionResponse(c.url(), c.user(), c.auth() == null ? null : c.auth().name(), c.status().name(),
                    c.connectedAt(), c.lastSyncAt(), c.lastError(), c.lastErrorAt());
        }
    }

    @Operation(operationId = "connectCalendar", summary = "Connect a CalDAV calendar",
            description = "Connects (or replaces) the member's calendar. The password or token is stored encrypted and never returned. Agreed interviews from now on are written there; its busy times count in conflict checks.")
    @PutMapping("/api/calendar")
    ConnectionResponse connect(Member member, @RequestBody(required = false) ConnectRequest request) {
        ConnectedCalendars.Request given = request == null ? null
                : new ConnectedCalendars.Request(request.url(), request.user(), request.password(), request.token());
        return ConnectionResponse.of(calendars.connect(member, given));
    }

    @Operation(operationId = "getCalendarConnection", summary = "Get the calendar connection",
            description = "The connected calendar's address, user, status, last successful call and last error; never the secret. 404 when none is connected.")
    @GetMapping("/api/calendar")
    ConnectionResponse status(Member member) {
        return ConnectionResponse.of(calendars.status(member));
    }

    @Operation(operationId = "disconnectCalendar", summary = "Disconnect the calendar",
            description = "Deletes the stored address, user and secret. Copies already written stay in the calendar, which is the member's.",
            responses = @ApiResponse(responseCode = "204", description = "Disconnected."))
    @DeleteMapping("/api/calendar")
    ResponseEntity<Void> disconnect(Member member) {
        calendars.disconnect(member);
        return ResponseEntity.noContent().build();
    }
}
