package io.rapport.contacts.outreach;

import java.util.Arrays;
import java.util.Optional;

/** The values a template may ask for with {@code {{name}}}. */
public enum Placeholder {
    FIRST_NAME("firstName"), HOOK("hook"), EMPLOYER("employer"), ROLE("role"), REFERRER_NAME("referrerName"),
    PURPOSE("purpose"), TIME_FRAMES("timeFrames");

    private final String key;

    Placeholder(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Placeholder> byKey(String key) {
        return Arrays.stream(values()).filter(placeholder -> placeholder.key.equals(key)).findFirst();
    }
}
