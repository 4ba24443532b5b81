package io.rapport.scheduling.calendar;

import io.rapport.platform.domain.Member;
import io.rapport.scheduling.calendar.CalDav.CalDavException;
import io.rapport.scheduling.interviews.Interview;
import io.rapport.scheduling.interviews.InterviewStatus;
import io.rapport.scheduling.interviews.Interviews;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a copy of each agreed interview in the member's connected calendar: written (same UID as the .ics export)
 * when scheduled, rewritten when moved or confirmed, removed when cancelled. Each stored change marks the interview
 * due in the same write; this writes what is due after the change is stored, so a calendar server that is down
 * delays the copy (retried with back-off) and never the member's change.
 */
public class CalendarCopies {

    public static final int BATCH = 20;
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private final Interviews interviews;
    private final CalendarConnections connections;
    private final ConnectedCalendars calendars;
    private final CalDav calDav;
    private final Clock clock;

    public CalendarCopies(Interviews interviews, CalendarConnections connections, ConnectedCalendars calendars,
            CalDav calDav, Clock clock) {
        this.interviews = interviews;
        this.connections = connections;
        this.calendars = calendars;
        this.calDav = calDav;
        this.clock = clock;
    }

    /** The calendar object's name in the collection: one per interview. */
    public static String resourceName(Interview interview) {
        return interview.id() + ".ics";
    }

    /** @return how many copies were due (a full batch means more may be waiting) */
    public int writeDue() {
        Instant now = clock.instant();
        List<Interview> due = interviews.calendarCopiesDue(now, BATCH);
        Map<Member, Optional<CalendarAccess>> accessByMember = new HashMap<>();
        Map<Member, Instant> failedUntil = new HashMap<>();
        for (Interview interview : due) {
            Instant retryAt = failedUntil.get(interview.owner());
            if (retryAt != null) {
                // The member's server just failed: their other copies wait for the same retry.
                interviews.calendarCopyRetry(interview, retryAt);
                continue;
            }
            Optional<CalendarAccess> access = accessByMember.computeIfAbsent(interview.owner(), calendars::access);
            if (access.isEmpty()) {
                // No calendar (never connected, disconnected, or its secret no longer opens): nothing to write to.
                interviews.calendarCopyWritten(interview);
                continue;
            }
            try {
                write(access.get(), interview);
                interviews.calendarCopyWritten(interview);
                connections.recordSuccess(interview.owner(), now);
            } catch (CalDavException e) {
                int failures = connections.find(interview.owner()).map(CalendarConnection::failures).orElse(0);
                Instant retry = now.plus(retryAfter(failures));
                interviews.calendarCopyRetry(interview, retry);
                connections.recordFailure(interview.owner(), e.getMessage(), now);
                failedUntil.put(interview.owner(), retry);
            }
        }
        return due.size();
    }

    private void write(CalendarAccess access, Interview interview) {
        if (interview.slot() == null) {
            return;
        }
        if (interview.status() == InterviewStatus.CANCELLED) {
            calDav.delete(access, resourceName(interview));
        } else {
            calDav.put(access, resourceName(interview), IcsCalendar.renderResource(interview));
        }
    }

    /** 5 s, doubling with each failure in a row, at most an hour. */
    static Duration retryAfter(int failuresSoFar) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failuresSoFar, 20));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }
}
