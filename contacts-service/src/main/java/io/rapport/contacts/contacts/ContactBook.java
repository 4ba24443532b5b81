package io.rapport.contacts.contacts;

import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Ids;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import io.rapport.platform.domain.NotFoundException;
import java.time.Clock;
import java.util.List;

/** The member's use cases on contacts. */
public class ContactBook {

    public static final int MAX_PAGE = 100;

    private final Contacts contacts;
    private final Clock clock;

    public ContactBook(Contacts contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    public Contact add(Member owner, ContactDetails details) {
        Change<Contact> added = Contact.add(Ids.newId(), owner, details, clock.instant());
        contacts.add(added);
        return added.state();
    }

    public Contact get(Member owner, String id) {
        return contacts.find(owner, id).orElseThrow(() -> new NotFoundException("contact", id));
    }

    public Contact update(Member owner, String id, ContactDetails details) {
        Contact current = get(owner, id);
        Change<Contact> updated = current.update(details, clock.instant());
        if (!updated.events().isEmpty()) {
            contacts.update(updated, current.version());
        }
        return updated.state();
    }

    public ContactPage list(Member owner, String after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE);
        }
        List<Contact> page = contacts.list(owner, after, limit + 1);
        boolean more = page.size() > limit;
        List<Contact> shown = more ? page.subList(0, limit) : page;
        return new ContactPage(List.copyOf(shown), more ? shown.getLast().id() : null);
    }
}
