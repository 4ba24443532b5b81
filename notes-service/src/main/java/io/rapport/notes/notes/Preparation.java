package io.rapport.notes.notes;

/** The member's research before the interview: on the industry, the organization and the person. */
public record Preparation(String industry, String organization, String person) {

    public static final Preparation NONE = new Preparation(null, null, null);
}
