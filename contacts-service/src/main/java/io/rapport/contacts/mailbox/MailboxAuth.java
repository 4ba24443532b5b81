package io.rapport.contacts.mailbox;

/** How Rapport signs in to the member's mailbox. */
public enum MailboxAuth {
    /** IMAP LOGIN with the member's password or app password (sealed at rest). */
    PASSWORD,
    /**
     * SASL XOAUTH2 with an access token that Rapport gets, before each look and IDLE, from the instance's OAuth2
     * token endpoint in exchange for the member's refresh token (sealed at rest) — for providers that allow no
     * passwords.
     */
    OAUTH2
}
