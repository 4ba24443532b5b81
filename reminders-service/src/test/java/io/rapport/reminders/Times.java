package io.rapport.reminders;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

public final class Times {

    private Times() {
    }

    /** A wall-clock time in a zone, e.g. {@code at("2026-01-12T09:00", TOKYO)}. */
    public static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }
}
