package io.rapport.scheduling.interviews;

import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.List;

/**
 * Times the member is busy outside Rapport (their own calendar), counted in conflict checks like their booked
 * interviews, with the same buffer. Only start and end are known: never what the time is taken by.
 */
public interface BusyTimes {

    /** No calendar connected: nothing beyond Rapport's own interviews. */
    BusyTimes NONE = (owner, from, to) -> List.of();

    /** The member's busy periods overlapping [from, to), excluding Rapport's own interviews. */
    List<Busy> between(Member owner, Instant from, Instant to);

    record Busy(Instant start, Instant end) {

        public boolean overlaps(Instant from, Instant to) {
            return start.isBefore(to) && from.isBefore(end);
        }
    }
}
