package io.rapport.notes.notes;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a note is about: the categories an informational interview covers. */
public enum Category {
    ROLES, SKILLS, DAY_TO_DAY, CULTURE, TRENDS, CHALLENGES, CAREER_PATH, ADVICE, RESOURCES;

    /** Accepts "day-to-day", "Day to day" or "DAY_TO_DAY". */
    public static Optional<Category> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(category -> category.name().equals(normalized)).findFirst();
    }
}
