package io.rapport.scheduling.calendar;

import io.rapport.scheduling.interviews.BusyTimes.Busy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A CalDAV calendar collection (RFC 4791), as scheduling uses it. */
public interface CalDav {

    /** Creates or replaces the calendar object resource {@code name} (a file name ending in .ics). */
    void put(CalendarAccess access, String name, String icalendar);

    /** Removes it; one already gone is fine. */
    void delete(CalendarAccess access, String name);

    /**
     * The busy periods overlapping [from, to): start and end only. Times without a zone are read in
     * {@code floatingZone}.
     */
    List<Busy> busy(CalendarAccess access, Instant from, Instant to, ZoneId floatingZone);

    /** A call that failed, with what the member should read about it (no secret, no server internals). */
    class CalDavException extends RuntimeException {

        private final boolean refusedCredentials;

        public CalDavException(String plainMessage, boolean refusedCredentials) {
            super(plainMessage);
            this.refusedCredentials = refusedCredentials;
        }

        public boolean refusedCredentials() {
            return refusedCredentials;
        }
    }
}
