package io.rapport.notes.notes;

import io.rapport.platform.domain.FieldProblem;
import java.util.List;

/** Cleaning of free text from requests: blank is absent, text is trimmed, lengths are bounded. */
public final class Text {

    private Text() {
    }

    public static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The cleaned value, or null with a problem added when it is longer than {@code max}. */
    public static String bounded(String value, String field, int max, List<FieldProblem> problems) {
        String clean = clean(value);
        if (clean != null && clean.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
            return null;
        }
        return clean;
    }

    public static String required(String value, String field, int max, List<FieldProblem> problems) {
        String clean = clean(value);
        if (clean == null) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        return bounded(clean, field, max, problems);
    }

    public static int words(String text) {
        String clean = clean(text);
        return clean == null ? 0 : clean.split("\\s+").length;
    }
}
