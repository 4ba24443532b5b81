package io.rapport.insights.activity;

import java.util.Locale;

/**
 * An industry a member approached, as the figures group it: the text trimmed, runs of spaces (and control characters)
 * made one space, at most
 * {@value #MAX_LENGTH} characters; grouped case-insensitively under {@code key} (which is also a field name in the
 * read model, so it has no dot or dollar), shown as {@code name}.
 */
public record Industry(String key, String name) {

    /** Longer texts are cut: no real industry name comes near it, and a read model's field names stay small. */
    public static final int MAX_LENGTH = 100;

    /** Null when there is no industry (absent or blank). */
    public static Industry of(String text) {
        if (text == null) {
            return null;
        }
        // Control characters (a NUL cannot be in a field name) count as spaces.
        String name = text.replaceAll("\\p{Cntrl}", " ").strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            return null;
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH)).strip();
        }
        return new Industry(name.toLowerCase(Locale.ROOT).replace('.', '_').replace('$', '_'), name);
    }
}
