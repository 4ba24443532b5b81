package io.rapport.events;

import java.time.Instant;

/**
 * A member connected a CalDAV calendar to scheduling (or replaced the one connected): interviews are written there
 * and its busy times count in conflict checks. Only the server's host is named; the address, the user and the
 * secret never leave scheduling-service.
 */
public record CalendarConnected(String calendarHost, Instant connectedAt) implements DomainEvent {

    /** One calendar per member: the subject is the connection, not an aggregate of its own. */
    public static final String SUBJECT = "calendar";

    @Override
    public String subject() {
        return SUBJECT;
    }
}
