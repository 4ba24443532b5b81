package io.rapport.notes.notes;

import java.time.Instant;

/**
 * The thank-you of one interview: the member's edited draft (null: the generated one is used) and,
 * once sent, how and when.
 */
public record ThankYou(String editedDraft, String channel, Instant sentAt, int hoursSinceInterview, boolean late) {

    public static final ThankYou NOT_SENT = new ThankYou(null, null, null, 0, false);

    public boolean sent() {
        return sentAt != null;
    }
}
