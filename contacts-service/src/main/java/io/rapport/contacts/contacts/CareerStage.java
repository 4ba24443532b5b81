package io.rapport.contacts.contacts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where the contact is in their career; a diverse pool spans several. */
public enum CareerStage {
    EARLY_CAREER, MID_CAREER, SENIOR, RECENT_TRANSITION;

    /** Accepts "early career", "early-career" or "EARLY_CAREER". */
    public static Optional<CareerStage> parse(String value) {
        String normalized = value.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return Arrays.stream(values()).filter(stage -> stage.name().equals(normalized)).findFirst();
    }
}
