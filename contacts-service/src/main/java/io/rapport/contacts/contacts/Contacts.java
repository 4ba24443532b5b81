package io.rapport.contacts.contacts;

import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where contacts are kept: each write stores the state and its events together, or neither. */
public interface Contacts {

    /**
     * @throws io.rapport.platform.domain.ConflictException when one of the contact's identity keys
     *     is taken by another contact of the member
     */
    void add(Change<Contact> added);

    /**
     * Adds many new contacts at once (an import); each is stored with its own events or not at all.
     *
     * @return the ids of the contacts refused because an identity key was taken meanwhile
     */
    List<String> addAll(List<Change<Contact>> added);

    /**
     * Stores the change if the contact is still as {@code current} was read (its version). Only a change of its
     * identity keys is checked for a duplicate: keys it already held cannot collide.
     *
     * @throws io.rapport.platform.domain.ConflictException on a stale version or a duplicate
     */
    void update(Contact current, Change<Contact> updated);

    /**
     * Stores the effect of a consumed event once: false when this event was applied before.
     *
     * @throws io.rapport.platform.domain.ConflictException on a stale version (the event is retried)
     */
    boolean applyOnce(String eventId, Change<Contact> updated, long expectedVersion);

    Optional<Contact> find(Member owner, String id);

    /** A page of the member's contacts matching {@code query}, after {@code after} (null: from the start). */
    List<Contact> list(Member owner, ContactQuery query, ContactQuery.Cursor after, int limit);

    /** The member's contact with this e-mail address (compared in lower case), answered from the identity index. */
    Optional<Contact> findByEmail(Member owner, String email);

    /** All of the member's contacts, in creation order. */
    List<Contact> all(Member owner);

    /** Every identity key of the member's contacts, with the id of the contact holding it. */
    Map<String, String> identityKeys(Member owner);

    /** Erasure: removes every contact of the member; repeating it is harmless. */
    long deleteAll(Member owner);
}
