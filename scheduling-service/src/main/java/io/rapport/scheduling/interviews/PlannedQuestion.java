package io.rapport.scheduling.interviews;

/** One question of an interview's plan, in the order it will be asked, with the minutes it should take. */
public record PlannedQuestion(String questionId, String text, String category, int minutes, boolean sendInAdvance) {
}
