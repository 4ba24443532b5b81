package io.rapport.scheduling.calendar;

import io.rapport.platform.domain.Member;
import io.rapport.scheduling.calendar.CalDav.CalDavException;
import io.rapport.scheduling.interviews.BusyTimes;
import io.rapport.scheduling.interviews.Interview;
import io.rapport.scheduling.interviews.InterviewStatus;
import io.rapport.scheduling.interviews.Interviews;
import io.rapport.scheduling.interviews.Slot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The member's busy times from their connected calendar, for conflict checks. The calendar also holds Rapport's own
 * copies of the member's interviews, which Rapport already checks (and which must not clash with themselves when
 * rescheduled), so their slots are taken out of what the calendar says. A server that cannot be reached is noted on
 * the connection and does not stop the member: the check goes on with Rapport's own interviews.
 */
public class CalendarBusyTimes implements BusyTimes {

    private static final int OWN_INTERVIEWS_LIMIT = 200;

    private final ConnectedCalendars calendars;
    private final CalendarConnections connections;
    private final Interviews interviews;
    private final CalDav calDav;
    private final Clock clock;

    public CalendarBusyTimes(ConnectedCalendars calendars, CalendarConnections connections, Interviews interviews,
            CalDav calDav, Clock clock) {
        this.calendars = calendars;
        this.connections = connections;
        this.interviews = interviews;
        this.calDav = calDav;
        this.clock = clock;
    }

    @Override
    public List<Busy> between(Member owner, Instant from, Instant to) {
        Optional<CalendarAccess> access = calendars.access(owner);
        if (access.isEmpty()) {
            return List.of();
        }
        List<Busy> busy;
        try {
            busy = calDav.busy(access.get(), from, to, ZoneOffset.UTC);
        } catch (CalDavException e) {
            connections.recordFailure(owner, e.getMessage(), clock.instant());
            return List.of();
        }
        List<Busy> own = interviews.agreedBetween(owner, from.minus(Duration.ofMinutes(Slot.MAX_MINUTES)), to,
                        OWN_INTERVIEWS_LIMIT).stream()
                .filter(i -> i.status() != InterviewStatus.CANCELLED)
                .map(Interview::slot)
                .map(slot -> new Busy(slot.start(), slot.end()))
                .toList();
        return subtract(busy, own);
    }

    /** What of {@code busy} is not covered by {@code taken}: a period may be cut in two, or vanish. */
    static List<Busy> subtract(List<Busy> busy, List<Busy> taken) {
        List<Busy> remaining = new ArrayList<>(busy);
        for (Busy cut : taken) {
            List<Busy> next = new ArrayList<>();
            for (Busy period : remaining) {
                if (!period.overlaps(cut.start(), cut.end())) {
                    next.add(period);
                    continue;
                }
                if (period.start().isBefore(cut.start())) {
                    next.add(new Busy(period.start(), cut.start()));
                }
                if (cut.end().isBefore(period.end())) {
                    next.add(new Busy(cut.end(), period.end()));
                }
            }
            remaining = next;
        }
        remaining.sort(Comparator.comparing(Busy::start));
        return List.copyOf(remaining);
    }
}
