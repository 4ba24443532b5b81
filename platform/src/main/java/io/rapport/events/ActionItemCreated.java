package io.rapport.events;

import java.time.LocalDate;

/** Something the member promised themselves to do by a date (from an interview's notes or a goal). */
public record ActionItemCreated(
        String actionItemId,
        String interviewId,
        String goalId,
        String text,
        LocalDate dueOn) implements DomainEvent {

    @Override
    public String subject() {
        return actionItemId;
    }
}
