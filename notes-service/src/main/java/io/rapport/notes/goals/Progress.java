package io.rapport.notes.goals;

import java.time.Instant;

/** A progress update: where the goal's metric stands now. */
public record Progress(double value, String note, Instant at) {
}
