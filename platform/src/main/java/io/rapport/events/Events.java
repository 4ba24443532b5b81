package io.rapport.events;

import java.time.Instant;
import java.util.List;

/** Value types shared by several event payloads. */
public final class Events {
    private Events() {
    }

    /** A proposed time for an interview: its start and length. */
    public record Slot(Instant start, int minutes) {
    }

    /** In person (an address), phone (a number) or video (a platform and a link). */
    public record Format(String kind, String address, String phone, String platform, String link) {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
