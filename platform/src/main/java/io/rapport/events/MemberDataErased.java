package io.rapport.events;

import java.time.Instant;

/** The member asked for all of their data to be erased: every service deletes what it holds of them. */
public record MemberDataErased(String memberId, Instant requestedAt) implements DomainEvent {

    @Override
    public String subject() {
        return memberId;
    }
}
