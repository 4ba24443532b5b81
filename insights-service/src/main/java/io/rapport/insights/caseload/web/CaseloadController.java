package io.rapport.insights.caseload.web;

import io.rapport.insights.caseload.Caseload;
import io.rapport.insights.caseload.Nudge;
import io.rapport.insights.identity.Caller;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** An advisor's caseload, drill-down and nudges: assigned members who share, as far as they share. */
@RestController
@Tag(name = "Caseload", description = "An advisor's assigned members who share, as far as they share (advisor role).")
@RequestMapping("/api/insights/advisor")
class CaseloadController {

    private final Caseload caseload;

    CaseloadController(Caseload caseload) {
        this.caseload = caseload;
    }

    record CaseloadResponse(List<Caseload.Row> members) {
    }

    record NudgeRequest(@Schema(maxLength = Nudge.MAX_TEXT) String text) {
    }

    record NudgeResponse(String id, String memberId, String text, Instant sentAt) {
    }

    /** Sorted by who needs help. */
    @Operation(operationId = "getCaseload", summary = "Get my caseload",
            description = "Per member who shares at least progress: the funnel and the signals, sorted by who needs help.")
    @GetMapping("/caseload")
    CaseloadResponse caseload(Caller caller) {
        caller.require(Caller.ADVISOR);
        return new CaseloadResponse(caseload.of(caller.tenantId(), caller.id()));
    }

    @Operation(operationId = "getCaseloadMember", summary = "Get one member",
            description = "What the member's tier allows; unassigned, sharing nothing or revoked is a 404.")
    @GetMapping("/members/{memberId}")
    Caseload.Detail member(Caller caller, @PathVariable String memberId) {
        caller.require(Caller.ADVISOR);
        return caseload.drillDown(caller.tenantId(), caller.id(), memberId);
    }

    @Operation(operationId = "nudgeMember", summary = "Nudge a member",
            description = "A short note that reaches the member's inbox as a reminder (AdvisorNudged).")
    @PostMapping("/members/{memberId}/nudges")
    ResponseEntity<NudgeResponse> nudge(Caller caller, @PathVariable String memberId, @RequestBody NudgeRequest request) {
        caller.require(Caller.ADVISOR);
        Nudge nudge = caseload.nudge(caller.tenantId(), caller.id(), memberId, request.text());
        return ResponseEntity.created(URI.create("/api/insights/advisor/members/" + memberId + "/nudges/" + nudge.id()))
                .body(new NudgeResponse(nudge.id(), memberId, nudge.text(), nudge.sentAt()));
    }
}
