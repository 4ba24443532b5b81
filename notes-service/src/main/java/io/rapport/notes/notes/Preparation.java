package io.rapport.notes.notes;

/** The member's research before the interview: on the industry, the organization and the person. */
public record Preparation(String industry, String organization, String person) {

    /** The longest research note of each kind. */
    public static final int MAX_TEXT = 4000;

    public static final Preparation NONE = new Preparation(null, null, null);
}
