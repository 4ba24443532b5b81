package io.rapport.contacts.mailbox;

/** Whether Rapport reads the member's mailbox. Only CONNECTED mailboxes are ever looked at. */
public enum MailboxState {
    CONNECTED,
    /** Stopped after repeated sign-in failures, until the member connects it again. */
    PAUSED,
    /** The member disconnected it: the credentials are gone; the record remains only to publish that. */
    DISCONNECTED
}
