package io.rapport.contacts.mailbox;

import java.util.Optional;

/** Holds IMAP IDLE on a mailbox's INBOX (the IMAP adapter): a wake-up for the poller, never a read of messages. */
public interface InboxIdler {

    /**
     * Signs in and opens INBOX read-only.
     *
     * @param server with the unsealed password
     * @return empty when the server does not offer IDLE (the mailbox is then polled only)
     * @throws MailboxReadFailure when the server cannot be reached or refuses to sign in
     */
    Optional<Connection> open(MailboxServer server);

    /** One signed-in connection with INBOX open. */
    interface Connection extends AutoCloseable {

        /**
         * Sends IDLE and waits until the server reports something or {@link #reissue()} ends the IDLE from another
         * thread.
         *
         * @return true when INBOX holds more messages than when this connection last looked (new mail)
         * @throws MailboxReadFailure when the connection fails or is closed
         */
        boolean awaitNewMail();

        /** Ends the IDLE in progress (from another thread) so that the caller sends a fresh one. */
        void reissue();

        /** Ends the IDLE and signs out; harmless when repeated or when the connection already failed. */
        @Override
        void close();
    }
}
