package io.rapport.insights.sharing.web;

import io.rapport.insights.identity.Caller;
import io.rapport.insights.organization.Organization;
import io.rapport.insights.sharing.Share;
import io.rapport.insights.sharing.Sharing;
import io.rapport.insights.sharing.Tier;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The member's sharing, per advisor: nothing (the default), progress, synthesis or full; revocable at any time. */
@RestController
@Tag(name = "Sharing", description = "What the member shares with each advisor: nothing (the default), progress, synthesis or full; revocable at once (member role).")
@RequestMapping("/api/insights/sharing")
class SharingController {

    private final Sharing sharing;
    private final Organization organization;

    SharingController(Sharing sharing, Organization organization) {
        this.sharing = sharing;
        this.organization = organization;
    }

    record ShareRequest(String tier) {
    }

    record ShareResponse(String advisorId, Tier tier, Instant changedAt) {
        static ShareResponse of(Share share) {
            return new ShareResponse(share.advisorId(), share.tier(), share.changedAt());
        }
    }

    /** @param advisors the advisors assigned to the member (directly or through a cohort) */
    record SharingResponse(List<ShareResponse> shares, Set<String> advisors) {
    }

    @Operation(operationId = "getSharing", summary = "Get my sharing",
            description = "The member's choices per advisor, and the advisors assigned to them.")
    @GetMapping
    SharingResponse mine(Caller caller) {
        caller.require(Caller.MEMBER);
        return new SharingResponse(sharing.of(caller.member()).stream().map(ShareResponse::of).toList(),
                new TreeSet<>(organization.advisorsOf(caller.member())));
    }

    @Operation(operationId = "updateSharing", summary = "Choose what to share with an advisor",
            description = "tier nothing revokes: the advisor's next request finds nothing. Announced as SharingChanged.")
    @PutMapping("/{advisorId}")
    ShareResponse choose(Caller caller, @PathVariable String advisorId, @RequestBody ShareRequest request) {
        caller.require(Caller.MEMBER);
        return ShareResponse.of(sharing.choose(caller.member(), advisorId, request.tier()));
    }
}
