package io.rapport.insights.volunteers;

import io.rapport.events.AlumniVolunteerRequested;
import io.rapport.platform.domain.Member;
import java.util.List;
import java.util.Optional;

/** The tenant's alumni-volunteer directory and the requests counted against each volunteer's monthly cap (a port). */
public interface VolunteerStore {

    void save(Volunteer volunteer);

    Optional<Volunteer> find(String tenantId, String volunteerId);

    List<Volunteer> of(String tenantId);

    /** Requests counted in this month ("2026-11"). */
    int requests(String tenantId, String volunteerId, String month);

    boolean requestedBy(String tenantId, String volunteerId, String month, String memberId);

    /**
     * Counts the member's request and stores its event in one write, only while the month's count is below the cap
     * and the member has not asked this volunteer this month.
     *
     * @return false when the cap was reached (or the member had asked) meanwhile
     */
    boolean countRequest(Volunteer volunteer, String month, Member member, AlumniVolunteerRequested event);
}
