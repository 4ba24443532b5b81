package io.rapport.events;

import java.time.Instant;

/** The member did what the action item asked. */
public record ActionItemCompleted(String actionItemId, Instant completedAt) implements DomainEvent {

    @Override
    public String subject() {
        return actionItemId;
    }
}
