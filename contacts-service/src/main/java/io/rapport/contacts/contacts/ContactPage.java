package io.rapport.contacts.contacts;

import java.util.List;

/** One page of a member's contacts; {@code nextCursor} is null on the last page. */
public record ContactPage(List<Contact> contacts, String nextCursor) {
}
