package io.rapport.contacts.contacts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A way of keeping in touch; any kind restarts the keep-in-touch cadence. */
public enum TouchKind {
    EMAIL, CALL, MEETING, COFFEE, SOCIAL, ARTICLE_SHARED;

    public static Optional<TouchKind> parse(String value) {
        String normalized = value.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return Arrays.stream(values()).filter(kind -> kind.name().equals(normalized)).findFirst();
    }
}
