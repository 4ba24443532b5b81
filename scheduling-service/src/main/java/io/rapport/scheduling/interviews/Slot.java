package io.rapport.scheduling.interviews;

import java.time.Duration;
import java.time.Instant;

/** A time for the conversation: its start and its length in minutes. */
public record Slot(Instant start, int minutes) {

    public static final int MIN_MINUTES = 15;
    public static final int MAX_MINUTES = 60;
    public static final int DEFAULT_MINUTES = 30;

    public Instant end() {
        return start.plus(Duration.ofMinutes(minutes));
    }

    /**
     * Whether the two slots come closer than {@code buffer}: back-to-back conversations need time
     * between them to note, travel or breathe.
     */
    public boolean clashesWith(Slot other, Duration buffer) {
        return start.isBefore(other.end().plus(buffer)) && other.start.isBefore(end().plus(buffer));
    }
}
