package io.rapport.insights.organization;

import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import io.rapport.platform.domain.NotFoundException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a tenant's admin keeps: cohorts and who is in them, which advisor is assigned to which members or cohorts,
 * and the minimum group size of the figures. Everything is within the admin's own tenant.
 */
public class Organization {

    private final OrganizationStore store;
    private final Consumer<String> onFiguresChanged;

    /** @param onFiguresChanged told a tenant's figures must be brought up to date (a cohort, its members, k) */
    public Organization(OrganizationStore store, Consumer<String> onFiguresChanged) {
        this.store = store;
        this.onFiguresChanged = onFiguresChanged;
    }

    public Cohort defineCohort(String tenantId, String name, String kind) {
        Cohort cohort = Cohort.define(tenantId, name, kind);
        store.save(cohort);
        onFiguresChanged.accept(tenantId);
        return cohort;
    }

    public List<Cohort> cohorts(String tenantId) {
        return store.cohorts(tenantId);
    }

    public Cohort cohort(String tenantId, String cohortId) {
        return store.cohort(tenantId, cohortId).orElseThrow(() -> new NotFoundException("cohort", cohortId));
    }

    public void addMember(String tenantId, String cohortId, String memberId) {
        cohort(tenantId, cohortId);
        store.addMember(tenantId, cohortId, memberId(memberId));
        onFiguresChanged.accept(tenantId);
    }

    public void removeMember(String tenantId, String cohortId, String memberId) {
        cohort(tenantId, cohortId);
        store.removeMember(tenantId, cohortId, memberId(memberId));
        onFiguresChanged.accept(tenantId);
    }

    public Set<String> members(String tenantId, String cohortId) {
        cohort(tenantId, cohortId);
        return store.membersOf(tenantId, Set.of(cohortId));
    }

    public void assign(String tenantId, String advisorId, Assignment.Kind kind, String targetId) {
        check(tenantId, advisorId, kind, targetId);
        store.assign(tenantId, advisorId, kind, targetId);
    }

    public void unassign(String tenantId, String advisorId, Assignment.Kind kind, String targetId) {
        check(tenantId, advisorId, kind, targetId);
        store.unassign(tenantId, advisorId, kind, targetId);
    }

    public List<Assignment> assignments(String tenantId, String advisorId) {
        return store.assignmentsOf(tenantId, id(advisorId, "advisorId"));
    }

    /** The members an advisor is assigned to, directly or through a cohort. */
    public Set<String> assignedMembers(String tenantId, String advisorId) {
        Set<String> members = new HashSet<>();
        Set<String> cohorts = new HashSet<>();
        for (Assignment assignment : store.assignmentsOf(tenantId, advisorId)) {
            if (assignment.kind() == Assignment.Kind.MEMBER) {
                members.add(assignment.targetId());
            } else {
                cohorts.add(assignment.targetId());
            }
        }
        if (!cohorts.isEmpty()) {
            members.addAll(store.membersOf(tenantId, cohorts));
        }
        return members;
    }

    /** The advisors assigned to this member (so the member knows whom they may share with). */
    public Set<String> advisorsOf(Member member) {
        return store.advisorsOf(member.tenantId(), member.memberId(), store.cohortsOf(member.tenantId(), member.memberId()));
    }

    public TenantSettings settings(String tenantId) {
        return store.settings(tenantId);
    }

    public TenantSettings changeSettings(String tenantId, Integer minGroupSize) {
        TenantSettings settings = TenantSettings.of(minGroupSize);
        store.save(tenantId, settings);
        onFiguresChanged.accept(tenantId);
        return settings;
    }

    private void check(String tenantId, String advisorId, Assignment.Kind kind, String targetId) {
        id(advisorId, "advisorId");
        if (kind == Assignment.Kind.COHORT) {
            cohort(tenantId, targetId);
        } else {
            id(targetId, "memberId");
        }
    }

    private static String memberId(String memberId) {
        return id(memberId, "memberId");
    }

    private static String id(String id, String field) {
        if (!Member.isValidId(id)) {
            throw new InvalidInputException(field, "must be 1-128 letters, digits or ._@:-");
        }
        return id;
    }
}
