package io.rapport.contacts.contacts;

import java.time.Instant;

/**
 * One outreach message in a contact's log. {@code memberTimeZone} (UTC when the member gave none)
 * is where business days are counted; {@code latencyBusinessDays} is set once answered.
 */
public record OutreachAttempt(String id, OutreachChannel channel, String text, Instant sentAt, String memberTimeZone,
        OutreachStatus status, Instant answeredAt, Integer latencyBusinessDays) {

    public OutreachAttempt answered(OutreachStatus outcome, Instant at, int latency) {
        return new OutreachAttempt(id, channel, text, sentAt, memberTimeZone, outcome, at, latency);
    }

    public OutreachAttempt unanswered() {
        return new OutreachAttempt(id, channel, text, sentAt, memberTimeZone, OutreachStatus.NO_RESPONSE, null, null);
    }
}
