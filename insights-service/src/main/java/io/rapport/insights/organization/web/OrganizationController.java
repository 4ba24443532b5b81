package io.rapport.insights.organization.web;

import io.rapport.insights.figures.OrganizationFigures;
import io.rapport.insights.identity.Caller;
import io.rapport.insights.organization.Assignment;
import io.rapport.insights.organization.Cohort;
import io.rapport.insights.organization.Organization;
import io.rapport.insights.organization.TenantSettings;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A tenant's admin: cohorts, members in them, advisor assignments, the minimum group size, the figures. */
@RestController
@Tag(name = "Organization", description = "A tenant's admin: cohorts and their members, advisor assignments, the minimum group size, the figures (admin role).")
@RequestMapping("/api/insights/admin")
class OrganizationController {

    private final Organization organization;
    private final OrganizationFigures figures;

    OrganizationController(Organization organization, OrganizationFigures figures) {
        this.organization = organization;
        this.figures = figures;
    }

    record CohortRequest(@Schema(maxLength = Cohort.MAX_NAME) String name, @Schema(maxLength = Cohort.MAX_KIND) String kind) {
    }

    record CohortResponse(String id, String name, String kind) {
        static CohortResponse of(Cohort cohort) {
            return new CohortResponse(cohort.id(), cohort.name(), cohort.kind());
        }
    }

    record SettingsRequest(@Schema(minimum = "" + TenantSettings.LOWEST_MIN_GROUP_SIZE,
            maximum = "" + TenantSettings.HIGHEST_MIN_GROUP_SIZE) Integer minGroupSize) {
    }

    record MembersResponse(String cohortId, Set<String> members) {
    }

    record AssignmentsResponse(String advisorId, List<Assignment> assignments) {
    }

    @Operation(operationId = "defineCohort", summary = "Define a cohort",
            description = "A group of the tenant's members (a program, a graduation year); a member may be in several.")
    @PostMapping("/cohorts")
    ResponseEntity<CohortResponse> defineCohort(Caller caller, @RequestBody CohortRequest request) {
        Cohort cohort = organization.defineCohort(admin(caller), request.name(), request.kind());
        return ResponseEntity.created(URI.create("/api/insights/admin/cohorts/" + cohort.id())).body(CohortResponse.of(cohort));
    }

    @Operation(operationId = "listCohorts", summary = "List cohorts",
            description = "The tenant's cohorts by name.")
    @GetMapping("/cohorts")
    List<CohortResponse> cohorts(Caller caller) {
        return organization.cohorts(admin(caller)).stream().map(CohortResponse::of).toList();
    }

    @Operation(operationId = "listCohortMembers", summary = "List a cohort's members",
            description = "The member ids in the cohort; another tenant's cohort is not found.")
    @GetMapping("/cohorts/{cohortId}/members")
    MembersResponse members(Caller caller, @PathVariable String cohortId) {
        return new MembersResponse(cohortId, new TreeSet<>(organization.members(admin(caller), cohortId)));
    }

    @Operation(operationId = "addCohortMember", summary = "Add a member to a cohort",
            description = "Idempotent; the tenant's figures are recomputed.")
    @PutMapping("/cohorts/{cohortId}/members/{memberId}")
    ResponseEntity<Void> addMember(Caller caller, @PathVariable String cohortId, @PathVariable String memberId) {
        organization.addMember(admin(caller), cohortId, memberId);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "removeCohortMember", summary = "Remove a member from a cohort",
            description = "Idempotent; the tenant's figures are recomputed.")
    @DeleteMapping("/cohorts/{cohortId}/members/{memberId}")
    ResponseEntity<Void> removeMember(Caller caller, @PathVariable String cohortId, @PathVariable String memberId) {
        organization.removeMember(admin(caller), cohortId, memberId);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "assignAdvisorToMember", summary = "Assign an advisor to a member",
            description = "The advisor then sees the member as far as the member shares with them.")
    @PutMapping("/advisors/{advisorId}/members/{memberId}")
    ResponseEntity<Void> assignMember(Caller caller, @PathVariable String advisorId, @PathVariable String memberId) {
        organization.assign(admin(caller), advisorId, Assignment.Kind.MEMBER, memberId);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "unassignAdvisorFromMember", summary = "Unassign an advisor from a member",
            description = "The advisor no longer sees the member (unless through a cohort).")
    @DeleteMapping("/advisors/{advisorId}/members/{memberId}")
    ResponseEntity<Void> unassignMember(Caller caller, @PathVariable String advisorId, @PathVariable String memberId) {
        organization.unassign(admin(caller), advisorId, Assignment.Kind.MEMBER, memberId);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "assignAdvisorToCohort", summary = "Assign an advisor to a cohort",
            description = "The advisor is assigned to every member of the cohort, present and future.")
    @PutMapping("/advisors/{advisorId}/cohorts/{cohortId}")
    ResponseEntity<Void> assignCohort(Caller caller, @PathVariable String advisorId, @PathVariable String cohortId) {
        organization.assign(admin(caller), advisorId, Assignment.Kind.COHORT, cohortId);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "unassignAdvisorFromCohort", summary = "Unassign an advisor from a cohort",
            description = "The advisor no longer sees the cohort's members (unless assigned otherwise).")
    @DeleteMapping("/advisors/{advisorId}/cohorts/{cohortId}")
    ResponseEntity<Void> unassignCohort(Caller caller, @PathVariable String advisorId, @PathVariable String cohortId) {
        organization.unassign(admin(caller), advisorId, Assignment.Kind.COHORT, cohortId);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "listAdvisorAssignments", summary = "List an advisor's assignments",
            description = "The members and cohorts the advisor is assigned to.")
    @GetMapping("/advisors/{advisorId}/assignments")
    AssignmentsResponse assignments(Caller caller, @PathVariable String advisorId) {
        return new AssignmentsResponse(advisorId, organization.assignments(admin(caller), advisorId));
    }

    @Operation(operationId = "getTenantSettings", summary = "Get the tenant's settings",
            description = "The minimum group size k of the figures (5 unless changed).")
    @GetMapping("/settings")
    TenantSettings settings(Caller caller) {
        return organization.settings(admin(caller));
    }

    @Operation(operationId = "updateTenantSettings", summary = "Set the minimum group size",
            description = "minGroupSize 3-1000; below 3 is a 400 naming the field.")
    @PutMapping("/settings")
    TenantSettings changeSettings(Caller caller, @RequestBody SettingsRequest request) {
        return organization.changeSettings(admin(caller), request.minGroupSize());
    }

    /**
     * The figures of the tenant and its cohorts for a period ("to-date", the default, or an ISO week "2026-W48"),
     * precomputed as events arrive. A cell fewer than k members contribute to, or one that could be recovered by
     * subtracting others, is absent.
     */
    @Operation(operationId = "getFigures", summary = "Get the figures",
            description = "The tenant total and each cohort for a period (to-date or an ISO week), precomputed; cells below k, or recoverable by subtraction, are absent."
                    + " topIndustries: the industries most members approached (at most 5, the most members first, ties by name), each only where at least k members approached it and no subtraction gives it away.")
    @GetMapping("/figures")
    OrganizationFigures.View figures(Caller caller, @RequestParam(required = false) String period) {
        return figures.view(admin(caller), period);
    }

    private static String admin(Caller caller) {
        return caller.require(Caller.ADMIN).tenantId();
    }
}
