package io.rapport.notes.notes;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether the interviewee agreed to notes of the conversation being kept. */
public enum Consent {
    GRANTED, DECLINED, NOT_ASKED;

    public static Optional<Consent> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(consent -> consent.name().equals(normalized)).findFirst();
    }
}
