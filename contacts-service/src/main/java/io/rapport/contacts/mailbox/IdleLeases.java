package io.rapport.contacts.mailbox;

import io.rapport.platform.domain.Member;
import java.time.Instant;

/**
 * Which instance holds a mailbox's IDLE connection, and the wake-up IDLE gives the poller (the port; every call is
 * one write or read by the mailbox's {@code _id}, never a scan).
 */
public interface IdleLeases {

    /** What became of a wake-up. */
    enum Wake {
        /** The mailbox is due now: the poller claims it as any due mailbox. */
        WOKEN,
        /** A look is in flight (its claim holds): wake it again once that look is stored. */
        BUSY,
        /** Disconnected, paused, erased or connected again (another mailbox id): the IDLE has nothing to watch. */
        GONE
    }

    /**
     * Takes or renews the IDLE lease of the connected mailbox {@code mailboxId} for {@code holder} until
     * {@code until}: false when another holder's lease still runs or the mailbox is no longer that connected one.
     * Does not change the mailbox's version (a look in flight still stores its result).
     */
    boolean holdIdle(Member owner, String mailboxId, String holder, Instant now, Instant until);

    /** Gives the lease up, if {@code holder} still has it. */
    void releaseIdle(Member owner, String mailboxId, String holder);

    /** Makes the connected mailbox {@code mailboxId} due now, unless a look at it is in flight. */
    Wake wakeNow(Member owner, String mailboxId, Instant now);
}
