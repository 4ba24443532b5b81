package io.rapport.scheduling.calendar.web;

import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.Member;
import io.rapport.scheduling.calendar.FeedTokens;
import io.rapport.scheduling.calendar.IcsCalendar;
import io.rapport.scheduling.interviews.Interview;
import io.rapport.scheduling.interviews.InterviewBook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Calendar files: one per interview, and a subscribable feed per member opened by a revocable token. */
@Tag(name = "Calendar", description = "Calendar files: one per interview, and a subscribable feed per member opened by a revocable token.")
@RestController
class CalendarController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);
    /** A feed shows recent history and everything ahead; older interviews only weigh on every refresh. */
    private static final Duration FEED_PAST = Duration.ofDays(90);
    private static final Duration FEED_AHEAD = Duration.ofDays(400);
    private static final int FEED_LIMIT = 1000;

    private final InterviewBook interviews;
    private final FeedTokens tokens;
    private final Clock clock;

    CalendarController(InterviewBook interviews, FeedTokens tokens, Clock clock) {
        this.interviews = interviews;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Operation(operationId = "getInterviewCalendarFile", summary = "Get an interview's calendar file",
            description = "The interview as an iCalendar file (`text/calendar`), with the contact's time zone; 409 while it has no slot.",
            responses = @ApiResponse(responseCode = "200", description = "The interview as an iCalendar file.", content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string"))))
    @GetMapping("/api/interviews/{id}/calendar.ics")
    ResponseEntity<String> interviewFile(Member member, @PathVariable String id) {
        Interview interview = interviews.get(member, id);
        if (interview.slot() == null) {
            throw new ConflictException("The interview has no agreed slot yet, so it has no calendar entry",
                    Map.of("interviewStatus", interview.status().name()));
        }
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("interview-" + id + ".ics").build().toString())
                .body(IcsCalendar.render(null, List.of(interview)));
    }

    record FeedResponse(String id, String url, Instant createdAt) {
    }

    /** The URL holds the token; it is shown once, in this answer. */
    @Operation(operationId = "createCalendarFeed", summary = "Create a calendar feed",
            description = "Issues a subscribable feed; its URL holds the token and is shown once, in this answer.",
            responses = @ApiResponse(responseCode = "201", description = "Created; `Location` names the new record.", useReturnTypeSchema = true))
    @PostMapping("/api/calendar/feeds")
    ResponseEntity<FeedResponse> createFeed(Member member) {
        FeedTokens.IssuedFeed issued = tokens.issue(member);
        String url = "/api/calendar/feeds/" + issued.token() + ".ics";
        return ResponseEntity.created(URI.create("/api/calendar/feeds/" + issued.feed().id()))
                .body(new FeedResponse(issued.feed().id(), url, issued.feed().createdAt()));
    }

    @Operation(operationId = "listCalendarFeeds", summary = "List calendar feeds",
            description = "The member's feeds (without their URLs, which are shown only once).")
    @GetMapping("/api/calendar/feeds")
    List<FeedResponse> feeds(Member member) {
        return tokens.list(member).stream().map(f -> new FeedResponse(f.id(), null, f.createdAt())).toList();
    }

    @Operation(operationId = "revokeCalendarFeed", summary = "Revoke a calendar feed",
            description = "The feed's URL stops working at once.",
            responses = @ApiResponse(responseCode = "204", description = "Revoked."))
    @DeleteMapping("/api/calendar/feeds/{feedId}")
    ResponseEntity<Void> revoke(Member member, @PathVariable String feedId) {
        tokens.revoke(member, feedId);
        return ResponseEntity.noContent().build();
    }

    /** Reached only through {@link FeedTokenFilter}, which sets the member from the token. */
    @Operation(operationId = "getCalendarFeed", summary = "Get a calendar feed",
            description = "The member's agreed interviews, recent and ahead, as an iCalendar feed. Calendar apps cannot send tokens: the unguessable, revocable token in the path is the credential.",
            responses = @ApiResponse(responseCode = "200", description = "The feed as iCalendar.", content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string"))), parameters = @Parameter(name = "token", in = ParameterIn.PATH, required = true, description = "The feed's token, from its URL", schema = @Schema(type = "string")))
    @GetMapping("/api/calendar/feeds/{token}.ics")
    ResponseEntity<String> feed(Member member) {
        Instant now = clock.instant();
        List<Interview> shown = interviews.agreedBetween(member, now.minus(FEED_PAST), now.plus(FEED_AHEAD), FEED_LIMIT);
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
                .body(IcsCalendar.render("Rapport interviews", shown));
    }

}
