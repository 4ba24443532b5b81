package io.rapport.contacts.mailbox;

import io.rapport.platform.secrets.SealedSecrets;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Ids;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import io.rapport.platform.domain.NotFoundException;
import java.time.Clock;

/** The member connects, looks at and disconnects their mailbox. */
public class MailboxDesk {

    private final Mailboxes mailboxes;
    private final SealedSecrets cipher;
    private final Runnable wakeWatcher;
    private final boolean localServersAllowed;
    private final boolean oauth2Offered;
    private final Clock clock;
    private volatile java.util.function.Consumer<String> idleEnded = mailboxId -> { };

    /**
     * @param localServersAllowed whether a mail server on a local or private address, and IMAP without TLS, may be
     *        used (a test server on this machine); else both are refused
     */
    public MailboxDesk(Mailboxes mailboxes, SealedSecrets cipher, Runnable wakeWatcher, boolean localServersAllowed,
            Clock clock) {
        this(mailboxes, cipher, wakeWatcher, localServersAllowed, false, clock);
    }

    /** @param oauth2Offered whether the instance has an OAuth2 token endpoint and client (else OAuth2 is refused) */
    public MailboxDesk(Mailboxes mailboxes, SealedSecrets cipher, Runnable wakeWatcher, boolean localServersAllowed,
            boolean oauth2Offered, Clock clock) {
        this.oauth2Offered = oauth2Offered;
        this.mailboxes = mailboxes;
        this.cipher = cipher;
        this.wakeWatcher = wakeWatcher;
        this.localServersAllowed = localServersAllowed;
        this.clock = clock;
    }

    /** Told the id of a mailbox the member disconnected or replaced, so that this instance ends its IDLE at once. */
    public void whenAMailboxIsReplaced(java.util.function.Consumer<String> callback) {
        this.idleEnded = callback;
    }

    /**
     * Connects (or connects again, e.g. after a pause or a new app password): the password (or OAuth2 refresh token)
     * is sealed before it is stored, the folders are read afresh, and the first look is due at once.
     */
    public Mailbox connect(Member owner, MailboxServer server) {
        if (server.oauth2() && !oauth2Offered) {
            io.rapport.platform.domain.Fields.check(java.util.List.of(new io.rapport.platform.domain.FieldProblem("auth",
                    "oauth2 is not offered on this server: its operator has not configured an OAuth2 token endpoint and"
                            + " client (rapport.mailbox.oauth2.token-uri, client-id); sign in with a password or app"
                            + " password")));
        }
        if (!localServersAllowed) {
            java.util.List<io.rapport.platform.domain.FieldProblem> problems = new java.util.ArrayList<>();
            ServerAddresses.refusal(server.host()).ifPresent(why ->
                    problems.add(new io.rapport.platform.domain.FieldProblem("host", why)));
            if (!server.tls()) {
                // the password would cross the network in clear
                problems.add(new io.rapport.platform.domain.FieldProblem("tls",
                        "must be true: this server signs in to mailboxes over TLS only"));
            }
            io.rapport.platform.domain.Fields.check(problems);
        }
        mailboxes.find(owner).ifPresent(previous -> idleEnded.accept(previous.id()));
        Change<Mailbox> connected = Mailbox.connect(Ids.newId(), owner, server, cipher.seal(owner, server.password()),
                clock.instant());
        mailboxes.save(connected);
        wakeWatcher.run();
        return connected.state();
    }

    /** @throws NotFoundException when the member has no mailbox connected (or paused) */
    public Mailbox status(Member owner) {
        return mailboxes.find(owner).filter(mailbox -> mailbox.state() != MailboxState.DISCONNECTED)
                .orElseThrow(() -> new NotFoundException("mailbox", "of this member"));
    }

    /** Deletes the credentials; a member with no mailbox connected gets a 404. */
    public void disconnect(Member owner) {
        Mailbox current = status(owner);
        mailboxes.save(current.disconnect(clock.instant()));
        idleEnded.accept(current.id());
    }
}
