package io.rapport.insights.overasked;

import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Fingerprints of members' contacts and who approached which fingerprint when (a port; read models but the keys). */
public interface OverAskedStore {

    /** The tenant's fingerprint key, made the first time it is needed and kept (a rebuild gives the same fingerprints). */
    byte[] tenantKey(String tenantId);

    void rememberContact(Member member, String contactId, String fingerprint, String name, String employer);

    Optional<KnownContact> contact(Member member, String contactId);

    /** The member's latest approach of this person (kept as the latest time). */
    void recordApproach(Member member, String fingerprint, String name, String employer, Instant at);

    List<Approach> approachesSince(String tenantId, Instant since);

    List<Approach> approachesOf(String tenantId, String fingerprint, Instant since);

    void erase(Member member);

    void reset();

    record KnownContact(String fingerprint, String name, String employer) {
    }

    record Approach(String fingerprint, String memberId, Instant at, String name, String employer) {
    }
}
