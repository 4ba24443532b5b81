package io.rapport.events;

import java.time.Instant;

/**
 * A contact answered an outreach: {@code outcome} is REPLIED or DECLINED. Any reply at an employer
 * stops that employer's follow-up timers.
 */
public record OutreachReplied(
        String outreachId,
        String contactId,
        String employer,
        String outcome,
        int latencyBusinessDays,
        Instant repliedAt) implements DomainEvent {

    @Override
    public String subject() {
        return outreachId;
    }
}
