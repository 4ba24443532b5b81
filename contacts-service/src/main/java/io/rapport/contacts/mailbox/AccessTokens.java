package io.rapport.contacts.mailbox;

/**
 * OAuth2 access tokens for mailboxes that sign in with XOAUTH2 (the token endpoint's adapter): a refresh token is
 * exchanged for an access token (RFC 6749 §6), which is kept in memory until shortly before it expires.
 */
public interface AccessTokens {

    /**
     * An access token to sign in to the mailbox with: the one kept for it while it lasts, else a fresh one.
     *
     * @param mailboxId whose token is kept (a mailbox connected again has a new id, so never gets the old token)
     * @param refreshToken unsealed
     * @throws MailboxReadFailure {@link MailboxReadFailure.Kind#AUTHENTICATION} when the token endpoint refuses the
     *         refresh token ({@code invalid_grant}: revoked or expired), {@link MailboxReadFailure.Kind#UNREACHABLE}
     *         when it cannot be reached, answers 5xx or not in time, {@link MailboxReadFailure.Kind#OTHER} otherwise
     */
    Grant accessFor(String mailboxId, String refreshToken);

    /** Drops the token kept for the mailbox (the server refused it, or the mailbox is gone). */
    void forget(String mailboxId);

    /**
     * @param accessToken given to the IMAP server as the XOAUTH2 bearer token
     * @param newRefreshToken the refresh token the endpoint issued in place of the one given (rotation), to be
     *        stored sealed; null when it issued none (the old one stays valid)
     * @param fresh whether the token was just issued (false: kept from an earlier exchange)
     */
    record Grant(String accessToken, String newRefreshToken, boolean fresh) {

        @Override
        public String toString() {
            return "Grant[tokens hidden, fresh " + fresh + "]";
        }
    }

    /** On a server without OAuth2 configured: a mailbox connected with OAuth2 earlier cannot sign in any more. */
    AccessTokens NONE = new AccessTokens() {
        @Override
        public Grant accessFor(String mailboxId, String refreshToken) {
            throw new MailboxReadFailure(MailboxReadFailure.Kind.AUTHENTICATION, "This server no longer signs in to"
                    + " mailboxes with OAuth2 (its operator removed the OAuth2 settings).");
        }

        @Override
        public void forget(String mailboxId) {
        }
    };
}
