package io.rapport.scheduling.calendar;

import java.net.URI;

/** What a call to the member's CalDAV server needs, with the secret opened; held in memory only for the call. */
public record CalendarAccess(URI collection, String user, CalendarConnection.AuthKind auth, String secret) {

    /** Never shows the secret, should the access end up in a log line or an exception. */
    @Override
    public String toString() {
        return "CalendarAccess[" + collection + " as " + user + "]";
    }
}
