package io.rapport.contacts.contacts;

import java.time.Instant;

/** A logged interaction with a contact. */
public record Touch(TouchKind kind, String note, Instant at) {

    public static final int MAX_NOTE = 2000;
}
