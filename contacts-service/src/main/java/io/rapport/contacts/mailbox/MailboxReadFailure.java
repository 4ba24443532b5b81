package io.rapport.contacts.mailbox;

/**
 * Reading a mailbox failed. The message is for the member, in plain words, and never holds a credential
 * (it is written by the adapter, not copied from the server or a library).
 */
public class MailboxReadFailure extends RuntimeException {

    public enum Kind {
        /** The server refused the user name or password: repeated, the mailbox is paused. */
        AUTHENTICATION,
        /** The server could not be reached or did not answer in time: retried with back-off. */
        UNREACHABLE,
        /** Anything else the server answered: retried with back-off. */
        OTHER
    }

    private final Kind kind;

    public MailboxReadFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
