package io.rapport.contacts.mailbox.mail;

import io.rapport.contacts.mailbox.InboxIdler;
import io.rapport.contacts.mailbox.MailboxReadFailure;
import io.rapport.contacts.mailbox.MailboxServer;
import io.rapport.contacts.mailbox.ServerAddresses;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * IMAP IDLE (RFC 2177) on INBOX, opened READ_ONLY, with Angus' blocking {@link IMAPFolder#idle(boolean)}: nothing is
 * fetched, only the message count the server reports (EXISTS) is compared. No listener is registered, so Angus starts
 * no event thread per folder.
 */
public class ImapInboxIdler implements InboxIdler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImapInboxIdler.class);

    private final Session session;
    private final Session oauth2Session;
    private final boolean localServersAllowed;

    /**
     * @param timeout connecting and signing in
     * @param reissue how often IDLE is sent anew: the socket's read timeout outlasts it (a server in IDLE says
     *        nothing while no mail arrives), so a silent IDLE is not taken for a dead connection
     */
    public ImapInboxIdler(Duration timeout, Duration reissue, boolean localServersAllowed) {
        Properties properties = ImapMailboxReader.properties(timeout);
        String quiet = Long.toString(reissue.plus(timeout).plusMinutes(1).toMillis());
        for (String protocol : List.of("imap", "imaps")) {
            properties.put("mail." + protocol + ".timeout", quiet);
        }
        this.session = Session.getInstance(properties);
        this.oauth2Session = ImapMailboxReader.xoauth2(session);
        this.localServersAllowed = localServersAllowed;
    }

    @Override
    public Optional<Connection> open(MailboxServer server) {
        if (!localServersAllowed) {
            ServerAddresses.refusal(server.host()).ifPresent(why -> {
                throw new MailboxReadFailure(MailboxReadFailure.Kind.UNREACHABLE, "The mail server " + server.host()
                        + " " + why + ".");
            });
        }
        IMAPStore store = null;
        try {
            store = (IMAPStore) (server.oauth2() ? oauth2Session : session).getStore(server.tls() ? "imaps" : "imap");
            store.connect(server.host(), server.port(), server.user(), server.password());
            if (!store.hasCapability("IDLE")) {
                log.debug("Mail server {} does not offer IDLE: {} is polled", server.host(), server.user());
                store.close();
                return Optional.empty();
            }
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            return Optional.of(new ImapIdle(server, store, inbox));
        } catch (AuthenticationFailedException refused) {
            closeQuietly(store);
            throw ImapMailboxReader.refused(server);
        } catch (MessagingException | IllegalStateException failed) {
            closeQuietly(store);
            throw ImapMailboxReader.failure(server, failed);
        }
    }

    private static void closeQuietly(IMAPStore store) {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException | RuntimeException ignored) {
                // signing out of a failed connection
            }
        }
    }

    private static final class ImapIdle implements Connection {
        private final MailboxServer server;
        private final IMAPStore store;
        private final IMAPFolder inbox;
        private int known;
        private volatile boolean closed;

        ImapIdle(MailboxServer server, IMAPStore store, IMAPFolder inbox) throws MessagingException {
            this.server = server;
            this.store = store;
            this.inbox = inbox;
            this.known = inbox.getMessageCount();
        }

        @Override
        public boolean awaitNewMail() {
            try {
                if (!closed) {
                    // Mail that came between two waits: a server may report it before IDLE's continuation, which Angus
                    // counts and then goes on waiting for a next report. So ask first; what lands in the round trip
                    // between this NOOP and the IDLE waits for the next report, the re-issue or the poll.
                    noop();
                    if (inbox.getMessageCount() <= known) {
                        inbox.idle(true); // returns after the server's first report, or when another thread needs it
                    }
                }
                if (closed) {
                    throw new MailboxReadFailure(MailboxReadFailure.Kind.OTHER, "The IDLE connection was closed.");
                }
                int count = inbox.getMessageCount();
                boolean more = count > known;
                known = count;
                return more;
            } catch (MessagingException | IllegalStateException failed) {
                throw ImapMailboxReader.failure(server, failed);
            }
        }

        @Override
        public void reissue() {
            try {
                // any command on the folder ends the IDLE first (Angus sends DONE), so the loop sends a new one
                noop();
            } catch (MessagingException | IllegalStateException failed) {
                throw ImapMailboxReader.failure(server, failed);
            }
        }

        private void noop() throws MessagingException {
            inbox.doCommand(protocol -> {
                protocol.noop();
                return null;
            });
        }

        @Override
        public void close() {
            closed = true;
            closeQuietly(store);
        }
    }
}
