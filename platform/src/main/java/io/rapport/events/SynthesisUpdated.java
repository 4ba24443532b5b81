package io.rapport.events;

import java.time.Instant;

/** The member's synthesis across interviews was brought up to date. */
public record SynthesisUpdated(String memberId, int interviewCount, int themeCount, Instant updatedAt)
        implements DomainEvent {

    @Override
    public String subject() {
        return memberId;
    }
}
