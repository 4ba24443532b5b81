package io.rapport.notes.notes;

import java.time.Instant;

/** What notes knows of an interview that took place, from scheduling's InterviewHeld. */
public record HeldInterview(String contactId, Instant start, Instant endedAt, int plannedMinutes, int actualMinutes,
        boolean overran) {

    /**
     * The interview as reported by an InterviewHeld published at {@code heldAt}. Holding ends the interview, so
     * it cannot have ended after it was marked held: an end after that (an event published before scheduling
     * ended interviews at the earlier of start + actual minutes and now) is read as {@code heldAt}, and the
     * thank-you can follow at once.
     */
    public static HeldInterview reported(String contactId, Instant start, Instant endedAt, Instant heldAt,
            int plannedMinutes, int actualMinutes, boolean overran) {
        Instant ended = heldAt != null && endedAt.isAfter(heldAt) ? heldAt : endedAt;
        return new HeldInterview(contactId, start, ended, plannedMinutes, actualMinutes, overran);
    }
}
