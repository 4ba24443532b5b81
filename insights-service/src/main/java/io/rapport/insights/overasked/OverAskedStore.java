package io.rapport.insights.overasked;

import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Fingerprints of members' contacts and who approached which fingerprint when (a port; read models but the keys). */
public interface OverAskedStore {

    /** The tenant's fingerprint key, made the first time it is needed and kept (a rebuild gives the same fingerprints). */
    byte[] tenantKey(String tenantId);

    /** @param fingerprints what the person can be matched on (e-mail, LinkedIn profile), as the contact now stands */
    void rememberContact(Member member, String contactId, List<String> fingerprints, String name, String employer);

    Optional<KnownContact> contact(Member member, String contactId);

    /**
     * The member's latest approach of this person (kept as the latest time), under each of its fingerprints; each
     * remembers the others it was seen with, which links an e-mail to a profile.
     */
    void recordApproach(Member member, List<String> fingerprints, String name, String employer, Instant at);

    List<Approach> approachesSince(String tenantId, Instant since);

    /** Approaches under any of these fingerprints. */
    List<Approach> approachesOf(String tenantId, Collection<String> fingerprints, Instant since);

    void erase(Member member);

    void reset();

    record KnownContact(List<String> fingerprints, String name, String employer) {
    }

    /** @param linked every fingerprint the member's approaches under this one came with (this one included) */
    record Approach(String fingerprint, List<String> linked, String memberId, Instant at, String name, String employer) {
    }
}
