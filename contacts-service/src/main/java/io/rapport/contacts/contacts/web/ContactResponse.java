package io.rapport.contacts.contacts.web;

import io.rapport.contacts.contacts.Contact;
import java.time.Instant;

public record ContactResponse(String id, String name, String email, String employer, String role, String source,
        String timeZone, String stage, Instant createdAt, Instant updatedAt, long version) {

    static ContactResponse of(Contact contact) {
        var details = contact.details();
        return new ContactResponse(contact.id(), details.name(), details.email(), details.employer(), details.role(),
                details.source().name(), details.timeZone(), contact.stage().name(), contact.createdAt(),
                contact.updatedAt(), contact.version());
    }
}
