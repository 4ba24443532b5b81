package io.rapport.contacts.contacts;

import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import java.util.List;
import java.util.Optional;

/** Where contacts are kept: each write stores the state and its events together, or neither. */
public interface Contacts {

    /**
     * @throws io.rapport.platform.domain.ConflictException when one of the contact's identity keys
     *     is taken by another contact of the member
     */
    void add(Change<Contact> added);

    /**
     * Stores the change if the contact is still at {@code expectedVersion}.
     *
     * @throws io.rapport.platform.domain.ConflictException on a stale version or a duplicate
     */
    void update(Change<Contact> updated, long expectedVersion);

    Optional<Contact> find(Member owner, String id);

    /** The member's contacts in creation order, after the contact with id {@code after} (null: from the start). */
    List<Contact> list(Member owner, String after, int limit);
}
