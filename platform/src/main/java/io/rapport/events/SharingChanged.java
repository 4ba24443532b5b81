package io.rapport.events;

import java.time.Instant;

/**
 * A member changed what they share with one advisor: nothing, progress, synthesis or full (never entries marked
 * sensitive). {@code tier} NOTHING is a revocation; it takes effect as soon as it is stored.
 */
public record SharingChanged(
        String advisorId,
        String tier,
        String previousTier,
        Instant changedAt) implements DomainEvent {

    @Override
    public String subject() {
        return advisorId;
    }
}
