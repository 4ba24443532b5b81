package io.rapport.scheduling.interviews;

/** Input normalization shared by the interview rules: blank is absent, text is trimmed. */
final class Text {

    private Text() {
    }

    static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
