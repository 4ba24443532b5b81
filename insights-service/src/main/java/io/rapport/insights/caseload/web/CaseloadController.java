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

/** An advisor's caseload, drill-down and nudges: assigned members who share, as far as they share. */
@RestController
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
    @GetMapping("/caseload")
    CaseloadResponse caseload(Caller caller) {
        caller.require(Caller.ADVISOR);
        return new CaseloadResponse(caseload.of(caller.tenantId(), caller.id()));
    }

    @GetMapping("/members/{memberId}")
    Caseload.Detail member(Caller caller, @PathVariable String memberId) {
        caller.require(Caller.ADVISOR);
        return caseload.drillDown(caller.tenantId(), caller.id(), memberId);
    }

    @PostMapping("/members/{memberId}/nudges")
    ResponseEntity<NudgeResponse> nudge(Caller caller, @PathVariable String memberId, @RequestBody NudgeRequest request) {
        caller.require(Caller.ADVISOR);
        Nudge nudge = caseload.nudge(caller.tenantId(), caller.id(), memberId, request.text());
        return ResponseEntity.created(URI.create("/api/insights/advisor/members/" + memberId + "/nudges/" + nudge.id()))
                .body(new NudgeResponse(nudge.id(), memberId, nudge.text(), nudge.sentAt()));
    }
}
