package io.rapport.scheduling.contacts;

import io.rapport.platform.domain.Member;
import java.util.List;
import java.util.Optional;

/** Scheduling's read model of the member's contacts. Applying the same event twice has no second effect. */
public interface KnownContacts {

    /** @return false when this event had been applied before */
    boolean apply(String eventId, KnownContact contact);

    /** @return false when this event had been applied before or the contact is unknown */
    boolean archive(String eventId, Member owner, String contactId);

    Optional<KnownContact> find(Member owner, String contactId);

    List<KnownContact> list(Member owner);

    /** Forgets every contact of the member (the member asked to be erased). */
    long eraseAll(Member owner);
}
