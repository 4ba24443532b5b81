package io.rapport.notes.notes;

/** One thing the interviewee said, filed under a category; sensitive details stay out of shared exports. */
public record Entry(String id, Category category, String text, boolean sensitive) {
}
