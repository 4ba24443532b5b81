package io.rapport.contacts.contacts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the member reached out; the member sends from their own mail or LinkedIn, Rapport records it. */
public enum OutreachChannel {
    EMAIL, LINKEDIN, PHONE, OTHER;

    public static Optional<OutreachChannel> parse(String value) {
        return Arrays.stream(values()).filter(channel -> channel.name().equals(value.trim().toUpperCase(Locale.ROOT))).findFirst();
    }
}
