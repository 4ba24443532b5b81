package io.rapport.insights.organization;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A tenant's cohorts, memberships, advisor assignments and settings (a port: MongoDB in {@code persistence}). */
public interface OrganizationStore {

    void save(Cohort cohort);

    Optional<Cohort> cohort(String tenantId, String cohortId);

    List<Cohort> cohorts(String tenantId);

    void addMember(String tenantId, String cohortId, String memberId);

    void removeMember(String tenantId, String cohortId, String memberId);

    /** memberId → the cohorts the member is in, for the whole tenant. */
    Map<String, Set<String>> memberships(String tenantId);

    Set<String> membersOf(String tenantId, Set<String> cohortIds);

    void assign(String tenantId, String advisorId, Assignment.Kind kind, String targetId);

    void unassign(String tenantId, String advisorId, Assignment.Kind kind, String targetId);

    List<Assignment> assignmentsOf(String tenantId, String advisorId);

    /** The advisors assigned to this member, directly or through one of the cohorts. */
    Set<String> advisorsOf(String tenantId, String memberId, Set<String> cohortIds);

    Set<String> cohortsOf(String tenantId, String memberId);

    TenantSettings settings(String tenantId);

    void save(String tenantId, TenantSettings settings);

    /** The member leaves every cohort and assignment (erasure). */
    void erase(String tenantId, String memberId);
}
