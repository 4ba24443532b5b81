package io.rapport.contacts.contacts.web;

import io.rapport.contacts.contacts.ContactDetails;

/** The body of a create or update; unknown fields are refused (400) by the JSON reader. */
public record ContactRequest(String name, String email, String employer, String role, String source,
        String timeZone) {

    ContactDetails toDetails() {
        return ContactDetails.of(name, email, employer, role, source, timeZone);
    }
}
