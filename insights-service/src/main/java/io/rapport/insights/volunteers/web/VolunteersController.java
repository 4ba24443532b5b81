package io.rapport.insights.volunteers.web;

import io.rapport.events.AlumniVolunteerRequested;
import io.rapport.insights.identity.Caller;
import io.rapport.insights.volunteers.AlumniVolunteers;
import io.rapport.insights.volunteers.Volunteer;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The alumni-volunteer directory: admins keep it, members browse it and ask a volunteer for a conversation. */
@RestController
@Tag(name = "Alumni volunteers", description = "Alumni who volunteer for informational interviews, with a monthly cap on requests.")
class VolunteersController {

    private final AlumniVolunteers volunteers;

    VolunteersController(AlumniVolunteers volunteers) {
        this.volunteers = volunteers;
    }

    record VolunteerRequest(@Schema(maxLength = Volunteer.MAX_TEXT) String name,
                            @Schema(maxLength = Volunteer.MAX_EMAIL) String email,
                            @Schema(maxLength = Volunteer.MAX_TEXT) String employer,
                            @Schema(maxLength = Volunteer.MAX_TEXT) String role,
                            @Schema(maxLength = Volunteer.MAX_TEXT) String industry,
                            @ArraySchema(maxItems = Volunteer.MAX_TOPICS) List<String> topics,
                            @Schema(minimum = "1", maximum = "" + Volunteer.MAX_MONTHLY_CAP) Integer monthlyCap) {
    }

    record RequestResponse(String requestId, String volunteerId, String name, Instant requestedAt) {
    }

    @Operation(operationId = "registerVolunteer", summary = "Register a volunteer",
            description = "Admin role. Name and e-mail required, monthlyCap 1-100.")
    @PostMapping("/api/insights/admin/volunteers")
    ResponseEntity<Volunteer> register(Caller caller, @RequestBody VolunteerRequest request) {
        Volunteer volunteer = volunteers.register(caller.require(Caller.ADMIN).tenantId(), request.name(), request.email(),
                request.employer(), request.role(), request.industry(), request.topics(), request.monthlyCap());
        return ResponseEntity.created(URI.create("/api/insights/volunteers/" + volunteer.id())).body(volunteer);
    }

    @Operation(operationId = "listVolunteersForAdmins", summary = "List volunteers (admins)",
            description = "Admin role: the whole directory, e-mails included.")
    @GetMapping("/api/insights/admin/volunteers")
    List<Volunteer> all(Caller caller) {
        return volunteers.all(caller.require(Caller.ADMIN).tenantId());
    }

    @Operation(operationId = "listVolunteers", summary = "Browse the directory",
            description = "Member role: no e-mail; requestsLeftThisMonth says who can still be asked.")
    @GetMapping("/api/insights/volunteers")
    List<AlumniVolunteers.Listing> directory(Caller caller) {
        return volunteers.directory(caller.require(Caller.MEMBER).tenantId());
    }

    /** 201 with the request; 409 problem when the volunteer's month is full or the member asked already. */
    @Operation(operationId = "requestVolunteer", summary = "Ask a volunteer for a conversation",
            description = "Counts against the monthly cap; 409 with a clear message when the month is full. The volunteer becomes one of your contacts (source alumni).")
    @PostMapping("/api/insights/volunteers/{volunteerId}/requests")
    ResponseEntity<RequestResponse> request(Caller caller, @PathVariable String volunteerId) {
        AlumniVolunteerRequested requested = volunteers.request(caller.require(Caller.MEMBER).member(), volunteerId);
        return ResponseEntity.status(201).body(new RequestResponse(requested.requestId(), requested.volunteerId(),
                requested.name(), requested.requestedAt()));
    }
}
