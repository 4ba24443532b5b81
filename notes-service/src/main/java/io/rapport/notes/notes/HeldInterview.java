package io.rapport.notes.notes;

import java.time.Instant;

/** What notes knows of an interview that took place, from scheduling's InterviewHeld. */
public record HeldInterview(String contactId, Instant start, Instant endedAt, int plannedMinutes, int actualMinutes,
        boolean overran) {
}
