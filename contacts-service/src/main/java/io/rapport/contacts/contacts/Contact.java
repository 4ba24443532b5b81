package io.rapport.contacts.contacts;

import io.rapport.events.ContactAdded;
import io.rapport.events.ContactUpdated;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.List;

/** A person in the member's network. Changes return the events they cause. */
public record Contact(String id, Member owner, ContactDetails details, ContactStage stage, Instant createdAt,
        Instant updatedAt, long version) {

    public static Change<Contact> add(String id, Member owner, ContactDetails details, Instant now) {
        Contact contact = new Contact(id, owner, details, ContactStage.IDENTIFIED, now, now, 1);
        return Change.of(contact, new ContactAdded(id, details.name(), details.email(), details.employer(),
                details.role(), details.source().name(), details.timeZone(), null, now));
    }

    /** New details; no event when nothing actually changed. */
    public Change<Contact> update(ContactDetails newDetails, Instant now) {
        List<String> changed = newDetails.changedFrom(details);
        if (changed.isEmpty()) {
            return new Change<>(this, List.of());
        }
        Contact updated = new Contact(id, owner, newDetails, stage, createdAt, now, version + 1);
        return Change.of(updated, new ContactUpdated(id, newDetails.name(), newDetails.email(), newDetails.employer(),
                newDetails.role(), newDetails.source().name(), newDetails.timeZone(), stage.name(), changed, now));
    }
}
