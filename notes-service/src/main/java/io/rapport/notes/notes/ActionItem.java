package io.rapport.notes.notes;

import java.time.Instant;
import java.time.LocalDate;

/** Something the member will do by a date; {@code completedAt} is null while open. */
public record ActionItem(String id, String text, LocalDate dueOn, Instant createdAt, Instant completedAt) {

    public static final int MAX_TEXT = 500;

    public boolean completed() {
        return completedAt != null;
    }
}
