package io.rapport.scheduling.interviews.web;

import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import io.rapport.scheduling.interviews.Agenda;
import io.rapport.scheduling.interviews.Interview;
import io.rapport.scheduling.interviews.InterviewBook;
import io.rapport.scheduling.interviews.Proposal;
import io.rapport.scheduling.interviews.SlotRequest;
import io.rapport.platform.domain.Fields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The interview lifecycle over HTTP: each POST on an interview is one transition. */
@Tag(name = "Interviews", description = "The interview lifecycle: each POST on an interview is one transition.")
@RestController
@RequestMapping("/api/interviews")
class InterviewController {

    private static final int MAX_LIST = 200;

    private final InterviewBook book;

    InterviewController(InterviewBook book) {
        this.book = book;
    }

    @Operation(operationId = "proposeInterview", summary = "Propose an interview",
            description = "Proposes an informational interview with a contact, with candidate slots; announced as InterviewProposed.",
            responses = @ApiResponse(responseCode = "201", description = "Created; `Location` names the new record.", useReturnTypeSchema = true))
    @PostMapping
    ResponseEntity<InterviewResponse> propose(Member member, @RequestBody Proposal.Request request) {
        Interview interview = book.propose(member, request);
        return ResponseEntity.created(URI.create("/api/interviews/" + interview.id())).body(InterviewResponse.of(interview));
    }

    @Operation(operationId = "listInterviews", summary = "List interviews",
            description = "The member's interviews, newest first, at most `limit` (1 to 200).")
    @GetMapping
    List<InterviewResponse> list(Member member, @RequestParam(defaultValue = "50") int limit) {
        return book.list(member, Fields.between(limit, 1, MAX_LIST, "limit")).stream().map(InterviewResponse::of).toList();
    }

    @Operation(operationId = "getAgenda", summary = "Get the agenda",
            description = "The member's interviews day by day between `from` and `to`, in `timeZone`, with each contact's local time.")
    @GetMapping("/agenda")
    Agenda agenda(Member member, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String timeZone, @RequestParam(defaultValue = "false") boolean includeCancelled) {
        return book.agenda(member, from, to, timeZone, includeCancelled);
    }

    @Operation(operationId = "getInterview", summary = "Get an interview",
            description = "One interview of the calling member, with its status and slot.")
    @GetMapping("/{id}")
    InterviewResponse get(Member member, @PathVariable String id) {
        return InterviewResponse.of(book.get(member, id));
    }

    record ScheduleRequest(String start) {
    }

    @Operation(operationId = "scheduleInterview", summary = "Schedule an interview",
            description = "Fixes the proposed interview's start; announced as InterviewScheduled.")
    @PostMapping("/{id}/schedule")
    InterviewResponse schedule(Member member, @PathVariable String id, @RequestBody ScheduleRequest request) {
        return InterviewResponse.of(book.schedule(member, id, instant(request.start())));
    }

    @Operation(operationId = "confirmInterview", summary = "Confirm an interview",
            description = "The contact confirmed the scheduled slot; announced as InterviewConfirmed.")
    @PostMapping("/{id}/confirm")
    InterviewResponse confirm(Member member, @PathVariable String id) {
        return InterviewResponse.of(book.confirm(member, id));
    }

    @Operation(operationId = "rescheduleInterview", summary = "Reschedule an interview",
            description = "Moves the interview to another slot; announced as InterviewRescheduled.")
    @PostMapping("/{id}/reschedule")
    InterviewResponse reschedule(Member member, @PathVariable String id, @RequestBody SlotRequest request) {
        return InterviewResponse.of(book.reschedule(member, id, request));
    }

    record CancelRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = Interview.MAX_REASON) String reason) {
    }

    @Operation(operationId = "cancelInterview", summary = "Cancel an interview",
            description = "Cancels the interview with a reason; announced as InterviewCancelled.")
    @PostMapping("/{id}/cancel")
    InterviewResponse cancel(Member member, @PathVariable String id, @RequestBody CancelRequest request) {
        return InterviewResponse.of(book.cancel(member, id, request.reason()));
    }

    record HeldRequest(@Schema(minimum = "1", maximum = "" + Interview.MAX_ACTUAL_MINUTES) Integer actualMinutes) {
    }

    @Operation(operationId = "recordInterviewHeld", summary = "Record an interview held",
            description = "The conversation took place (with its actual length); announced as InterviewHeld.")
    @PostMapping("/{id}/held")
    InterviewResponse held(Member member, @PathVariable String id, @RequestBody HeldRequest request) {
        return InterviewResponse.of(book.hold(member, id, request.actualMinutes()));
    }

    @Operation(operationId = "recordNoShow", summary = "Record a no-show",
            description = "The contact did not come; announced as InterviewNoShow.")
    @PostMapping("/{id}/no-show")
    InterviewResponse noShow(Member member, @PathVariable String id) {
        return InterviewResponse.of(book.noShow(member, id));
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("start", "is required: the start of one of the proposed slots");
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidInputException("start", "is not a date-time with an offset such as 2027-03-29T08:00:00Z");
        }
    }
}
