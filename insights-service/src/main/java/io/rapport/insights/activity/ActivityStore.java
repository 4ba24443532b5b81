package io.rapport.insights.activity;

import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The members' read models (a port: MongoDB in {@code persistence}). */
public interface ActivityStore {

    /**
     * Applies an event's effects once: false when this event had been applied before.
     *
     * @param time the event's time: its week, and (when {@code memberActivity}) the member's last activity
     * @param memberActivity whether the event makes the member active that week ({@link ActivityFacts#isMemberActivity})
     */
    boolean apply(Member member, String eventId, Instant time, List<Effect> effects, boolean memberActivity);

    Optional<MemberActivity> find(Member member);

    /** Every member of the tenant with a read model. */
    List<MemberActivity> tenant(String tenantId);

    /** The member's contacts as last known (for an advisor the member shares everything with). */
    List<KnownContact> contacts(Member member);

    /** The member's interview notes as they may be shared (never a sensitive entry), the latest first, at most {@code limit}. */
    List<SharedNotes> notes(Member member, int limit);

    /** The member's anonymized synthesis as last announced (for an advisor the member shares it with). */
    Optional<SharedSynthesis> synthesis(Member member);

    void erase(Member member);

    /** Drops every read model (a rebuild replays the topics into empty ones). */
    void reset();

    record KnownContact(String contactId, String name, String employer, String role, String stage) {
    }
}
