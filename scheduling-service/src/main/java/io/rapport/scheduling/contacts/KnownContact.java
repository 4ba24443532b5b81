package io.rapport.scheduling.contacts;

import io.rapport.events.ContactAdded;
import io.rapport.events.ContactUpdated;
import io.rapport.platform.domain.Member;

/**
 * A contact as scheduling knows it: its own copy, built from the contacts service's events, so
 * proposing an interview never waits on another service.
 */
public record KnownContact(String id, Member owner, String name, String email, String employer, String role,
        String timeZone, boolean archived) {

    public KnownContact {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A contact event without a contact id cannot be applied");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A contact event without a name cannot be applied: " + id);
        }
    }

    public static KnownContact from(Member owner, ContactAdded added) {
        return new KnownContact(added.contactId(), owner, added.name(), added.email(), added.employer(), added.role(),
                added.timeZone(), false);
    }

    public static KnownContact from(Member owner, ContactUpdated updated) {
        return new KnownContact(updated.contactId(), owner, updated.name(), updated.email(), updated.employer(),
                updated.role(), updated.timeZone(), "ARCHIVED".equals(updated.stage()));
    }

    /** Interviews can be proposed only to contacts that are known and not archived. */
    public boolean canBeInvited() {
        return !archived;
    }
}
