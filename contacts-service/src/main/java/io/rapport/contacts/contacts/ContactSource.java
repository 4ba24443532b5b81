package io.rapport.contacts.contacts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where the member found the contact. */
public enum ContactSource {
    ALUMNI, LINKEDIN, ASSOCIATION, DIRECTORY, REFERRAL, OTHER;

    public static Optional<ContactSource> parse(String value) {
        return Arrays.stream(values()).filter(source -> source.name().equals(value.trim().toUpperCase(Locale.ROOT))).findFirst();
    }
}
