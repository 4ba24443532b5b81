package io.rapport.contacts.mailbox;

import io.rapport.events.DomainEvent;
import io.rapport.events.MailboxConnected;
import io.rapport.events.MailboxDisconnected;
import io.rapport.events.MailboxPaused;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A member's mailbox connection: where to sign in ({@code server}, without its password), the password sealed
 * ({@link io.rapport.platform.secrets.SealedSecrets}), whether it is read, how far each folder has been read, and how the last look went.
 *
 * @param server null once disconnected
 * @param sealedPassword the password sealed, or for {@link MailboxAuth#OAUTH2} the refresh token sealed; null once
 *        disconnected
 * @param failures consecutive failed looks (any kind), for the back-off
 * @param authFailures consecutive sign-in refusals; at {@link #PAUSE_AFTER_AUTH_FAILURES} the mailbox is paused
 * @param nextCheckAt when the poller looks next (only while CONNECTED)
 */
public record Mailbox(String id, Member owner, MailboxServer server, String sealedPassword, MailboxState state,
        Instant connectedAt, Instant lastCheckedAt, String lastError, int failures, int authFailures,
        Instant nextCheckAt, FolderCursor inbox, FolderCursor sent, long version) {

    /** Three refusals in a row is a wrong or revoked password, not a hiccup: stop trying and tell the member. */
    public static final int PAUSE_AFTER_AUTH_FAILURES = 3;
    /** The longest wait between two looks at a mailbox that keeps failing. */
    public static final Duration MAX_BACK_OFF = Duration.ofHours(1);

    public static Change<Mailbox> connect(String id, Member owner, MailboxServer server, String sealedPassword,
            Instant now) {
        Mailbox connected = new Mailbox(id, owner, server.withoutPassword(), sealedPassword, MailboxState.CONNECTED,
                now, null, null, 0, 0, now, null, null, 0);
        return Change.of(connected, new MailboxConnected(id, now));
    }

    /** The credentials and cursors are dropped; repeated, nothing changes. */
    public Change<Mailbox> disconnect(Instant now) {
        if (state == MailboxState.DISCONNECTED) {
            return new Change<>(this, List.of());
        }
        Mailbox gone = new Mailbox(id, owner, null, null, MailboxState.DISCONNECTED, connectedAt, lastCheckedAt, null,
                0, 0, null, null, null, version);
        return Change.of(gone, new MailboxDisconnected(id, now));
    }

    /** A look went through: the cursors move on, failures are forgotten, the next look is after {@code interval}. */
    public Change<Mailbox> checked(MailboxReading reading, List<? extends DomainEvent> suggestions, Instant now,
            Duration interval) {
        Instant next = reading.more() ? now : now.plus(interval);
        Mailbox checked = new Mailbox(id, owner, server, sealedPassword, state, connectedAt, now, null, 0, 0, next,
                reading.inbox(), reading.sentFolder(), version);
        return new Change<>(checked, List.copyOf(suggestions));
    }

    /**
     * A look failed: the next one waits longer each time (the interval doubled per failure, at most
     * {@link #MAX_BACK_OFF}); the third sign-in refusal in a row pauses the mailbox and tells the member.
     */
    public Change<Mailbox> failed(MailboxReadFailure.Kind kind, String message, Instant now, Duration interval) {
        int failed = failures + 1;
        int refused = kind == MailboxReadFailure.Kind.AUTHENTICATION ? authFailures + 1 : 0;
        if (refused >= PAUSE_AFTER_AUTH_FAILURES) {
            String reason = "Paused after " + refused + " failed sign-ins: " + message + (server.oauth2()
                    ? " Connect the mailbox again with a new refresh token (sign in to the mail provider anew) to resume."
                    : " Connect the mailbox again with the right password or app password to resume.");
            Mailbox paused = new Mailbox(id, owner, server, sealedPassword, MailboxState.PAUSED, connectedAt, now,
                    reason, failed, refused, null, inbox, sent, version);
            return Change.of(paused, new MailboxPaused(id, reason, now));
        }
        Duration wait = interval.multipliedBy(1L << Math.min(failed - 1, 20));
        Instant next = now.plus(wait.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : wait);
        List<DomainEvent> none = new ArrayList<>();
        return new Change<>(new Mailbox(id, owner, server, sealedPassword, state, connectedAt, now, message, failed,
                refused, next, inbox, sent, version), none);
    }

    /**
     * The stored password does not open with this server's key (the key was changed): no retry can help, so the
     * mailbox is paused at once and the member told to connect it again.
     */
    public Change<Mailbox> unreadable(String message, Instant now) {
        Mailbox paused = new Mailbox(id, owner, server, sealedPassword, MailboxState.PAUSED, connectedAt, now, message,
                failures + 1, authFailures, null, inbox, sent, version);
        return Change.of(paused, new MailboxPaused(id, message, now));
    }

    /** The token endpoint issued a new refresh token in place of the stored one (rotation): it is kept, sealed. */
    public Mailbox withSealedPassword(String sealed) {
        return new Mailbox(id, owner, server, sealed, state, connectedAt, lastCheckedAt, lastError, failures,
                authFailures, nextCheckAt, inbox, sent, version);
    }

    /** The same mailbox at another version (as stored after a claim). */
    public Mailbox atVersion(long newVersion) {
        return new Mailbox(id, owner, server, sealedPassword, state, connectedAt, lastCheckedAt, lastError, failures,
                authFailures, nextCheckAt, inbox, sent, newVersion);
    }

    @Override
    public String toString() {
        return "Mailbox[" + id + " of " + owner + ", " + state + ", " + server + ", version " + version + "]";
    }
}
