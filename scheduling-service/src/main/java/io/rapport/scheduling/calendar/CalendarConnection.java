package io.rapport.scheduling.calendar;

import io.rapport.platform.domain.Member;
import java.time.Instant;

/**
 * A member's CalDAV calendar: the collection's address, the user name and the secret (a password, or a token sent
 * as a bearer token), sealed by {@link io.rapport.platform.secrets.SealedSecrets} before it is stored. {@code lastError} says in plain words what
 * went wrong the last time the server was asked, until a later call succeeds.
 */
public record CalendarConnection(Member owner, String url, String user, AuthKind auth, String sealedSecret,
        ConnectionStatus status, Instant connectedAt, Instant lastSyncAt, String lastError, Instant lastErrorAt,
        int failures) {

    public enum AuthKind {
        /** HTTP Basic with the user name and the password (or an app password). */
        PASSWORD,
        /** HTTP Bearer with the token (OAuth access tokens, some servers' app tokens). */
        TOKEN
    }

    public enum ConnectionStatus {
        CONNECTED,
        /** The last call to the server failed; writes are retried with back-off. */
        FAILING
    }

    @Override
    public String toString() {
        return "CalendarConnection[owner=" + owner + ", url=" + url + ", user=" + user + ", status=" + status + "]";
    }
}
