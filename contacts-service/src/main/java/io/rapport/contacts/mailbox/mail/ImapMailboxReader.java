package io.rapport.contacts.mailbox.mail;

import io.rapport.contacts.mailbox.FolderCursor;
import io.rapport.contacts.mailbox.MailHeader;
import io.rapport.contacts.mailbox.MailboxReadFailure;
import io.rapport.contacts.mailbox.MailboxReader;
import io.rapport.contacts.mailbox.MailboxReading;
import io.rapport.contacts.mailbox.MailboxServer;
import io.rapport.contacts.mailbox.ServerAddresses;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Reads message headers over IMAP (Jakarta Mail, Angus), read-only: folders are opened READ_ONLY and only
 * {@code UID} and {@code BODY.PEEK[HEADER.FIELDS (From To Date Message-ID In-Reply-To)]} are fetched — never
 * ENVELOPE (it carries the subject), never a body, and nothing is marked as seen. One connection per look, closed
 * at its end.
 */
public class ImapMailboxReader implements MailboxReader {

    /** The only header fields ever fetched. */
    static final List<String> HEADERS = List.of("From", "To", "Date", "Message-ID", "In-Reply-To");
    private static final Set<String> SENT_NAMES = Set.of("sent", "sent items", "sent messages", "sent mail",
            "[gmail]/sent mail", "inbox.sent");

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImapMailboxReader.class);

    /**
     * One session for every look: making one reads Jakarta Mail's provider files from the classpath each time. No
     * write timeout: Angus keeps a thread per connection for it; a stalled server is caught by the read timeout.
     */
    private final Session session;
    /** The same, signing in with SASL XOAUTH2 only (the access token in place of the password). */
    private final Session oauth2Session;

    private final boolean localServersAllowed;

    /** @param localServersAllowed else a host that now resolves to a local or private address is not connected to */
    public ImapMailboxReader(Duration timeout, boolean localServersAllowed) {
        this(Session.getInstance(properties(timeout)), localServersAllowed);
    }

    /** With a session of the caller's (a test watches the IMAP commands through its debug output). */
    ImapMailboxReader(Session session, boolean localServersAllowed) {
        this.session = session;
        this.oauth2Session = xoauth2(session);
        this.localServersAllowed = localServersAllowed;
    }

    /**
     * A session like {@code base} that signs in with {@code AUTHENTICATE XOAUTH2} (Angus sends the user and the
     * access token as the bearer token; the mechanism is off by default, as it takes a token, not a password).
     */
    static Session xoauth2(Session base) {
        Properties properties = new Properties();
        properties.putAll(base.getProperties());
        for (String protocol : List.of("imap", "imaps")) {
            properties.put("mail." + protocol + ".auth.mechanisms", "XOAUTH2");
            properties.put("mail." + protocol + ".auth.xoauth2.disable", "false");
        }
        Session session = Session.getInstance(properties);
        session.setDebug(base.getDebug());
        session.setDebugOut(base.getDebugOut());
        return session;
    }

    /** The session to sign in to {@code server} with. */
    Session sessionFor(MailboxServer server) {
        return server.oauth2() ? oauth2Session : session;
    }

    /** The server refused to sign in, in the member's words. */
    static MailboxReadFailure refused(MailboxServer server) {
        return new MailboxReadFailure(MailboxReadFailure.Kind.AUTHENTICATION, server.oauth2()
                ? "The mail server " + server.host() + " refused the OAuth2 access token for " + server.user() + "."
                : "The mail server " + server.host() + " refused the user name or password.");
    }

    static Properties properties(Duration timeout) {
        Properties properties = new Properties();
        String millis = Long.toString(timeout.toMillis());
        for (String protocol : List.of("imap", "imaps")) {
            properties.put("mail." + protocol + ".connectiontimeout", millis);
            properties.put("mail." + protocol + ".timeout", millis);
        }
        properties.put("mail.imaps.ssl.checkserveridentity", "true");
        return properties;
    }

    @Override
    public MailboxReading read(MailboxServer server, FolderCursor inbox, FolderCursor sent, Instant since, int max) {
        try {
            return readHeaders(server, inbox, sent, since, max);
        } catch (MailboxReadFailure failure) {
            // the member's words, the user and host: never the password (MailboxServer's toString hides it too)
            log.info("Mailbox {}@{} not read ({}): {}", server.user(), server.host(), failure.kind(), failure.getMessage());
            throw failure;
        }
    }

    private MailboxReading readHeaders(MailboxServer server, FolderCursor inbox, FolderCursor sent, Instant since,
            int max) {
        String protocol = server.tls() ? "imaps" : "imap";
        if (!localServersAllowed) {
            // checked again at every look: the name may resolve elsewhere than when the member connected
            ServerAddresses.refusal(server.host()).ifPresent(why -> {
                throw new MailboxReadFailure(MailboxReadFailure.Kind.UNREACHABLE, "The mail server " + server.host()
                        + " " + why + ".");
            });
        }
        try (Store store = sessionFor(server).getStore(protocol)) {
            store.connect(server.host(), server.port(), server.user(), server.password());
            FolderRead received = readFolder(store.getFolder("INBOX"), inbox, since, max);
            FolderRead sentRead = sentFolder(store).map(folder -> {

                return readFolder(folder, sent, since, max);
            }).orElse(new FolderRead(List.of(), sent, false));
            return new MailboxReading(received.headers(), sentRead.headers(), received.cursor(), sentRead.cursor(),
                    received.more() || sentRead.more());
        } catch (AuthenticationFailedException refused) {
            throw refused(server);
        } catch (MessagingException | IllegalStateException failed) {
            throw failure(server, failed);
        } catch (FolderFailure failed) {
            throw failure(server, failed.cause);
        }
    }

    static MailboxReadFailure failure(MailboxServer server, Exception failed) {
        Throwable cause = failed;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof UnknownHostException) {
            return new MailboxReadFailure(MailboxReadFailure.Kind.UNREACHABLE,
                    "The mail server " + server.host() + " is not known (check the host name).");
        }
        if (cause instanceof ConnectException || cause instanceof SocketTimeoutException) {
            return new MailboxReadFailure(MailboxReadFailure.Kind.UNREACHABLE, "Could not reach the mail server "
                    + server.host() + " on port " + server.port() + "; trying again later.");
        }
        if (cause instanceof javax.net.ssl.SSLException) {
            return new MailboxReadFailure(MailboxReadFailure.Kind.OTHER, "Could not set up TLS with the mail server "
                    + server.host() + " on port " + server.port() + " (is it the IMAPS port, usually 993?).");
        }
        return new MailboxReadFailure(MailboxReadFailure.Kind.OTHER, "The mail server " + server.host()
                + " could not be read (" + failed.getClass().getSimpleName() + "); trying again later.");
    }

    private record FolderRead(List<MailHeader> headers, FolderCursor cursor, boolean more) {
    }

    /** Carries a MessagingException out of a lambda. */
    private static final class FolderFailure extends RuntimeException {
        private final MessagingException cause;

        FolderFailure(MessagingException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }

    /** The folder with the \Sent special use, else one with a usual name for it; none is fine. */
    private static java.util.Optional<Folder> sentFolder(Store store) throws MessagingException {
        Folder byName = null;
        for (Folder folder : store.getDefaultFolder().list("*")) {
            if (folder instanceof IMAPFolder imap && Arrays.asList(imap.getAttributes()).contains("\\Sent")) {
                return java.util.Optional.of(folder);
            }
            if (byName == null && SENT_NAMES.contains(folder.getFullName().toLowerCase(Locale.ROOT))) {
                byName = folder;
            }
        }
        return java.util.Optional.ofNullable(byName);
    }

    private static FolderRead readFolder(Folder folder, FolderCursor cursor, Instant since, int max) {
        try {
            folder.open(Folder.READ_ONLY);
            try {
                return read((IMAPFolder) folder, cursor, since, max);
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new FolderFailure(e);
        }
    }

    private static FolderRead read(IMAPFolder folder, FolderCursor cursor, Instant since, int max)
            throws MessagingException {
        long validity = folder.getUIDValidity();
        boolean continuing = cursor != null && cursor.uidValidity() == validity;
        long after = continuing ? cursor.lastUid() : 0;
        Message[] candidates;
        if (continuing) {
            candidates = folder.getMessagesByUID(after + 1, UIDFolder.MAXUID);
        } else {
            candidates = folder.search(new ReceivedDateTerm(ComparisonTerm.GE, Date.from(since)));
            FetchProfile uids = new FetchProfile();
            uids.add(UIDFolder.FetchProfileItem.UID);
            folder.fetch(candidates, uids);
        }
        List<Message> fresh = new ArrayList<>();
        for (Message message : candidates) {
            // "n:*" always names the last message, even one at or before n
            if (message != null && folder.getUID(message) > after) {
                fresh.add(message);
            }
        }
        fresh.sort(Comparator.comparingLong(message -> uid(folder, message)));
        boolean more = fresh.size() > max;
        List<Message> batch = more ? fresh.subList(0, max) : fresh;
        FetchProfile headers = new FetchProfile();
        headers.add(UIDFolder.FetchProfileItem.UID);
        HEADERS.forEach(headers::add);
        folder.fetch(batch.toArray(Message[]::new), headers);
        List<MailHeader> read = new ArrayList<>(batch.size());
        long last = after;
        for (Message message : batch) {
            read.add(header(message));
            last = Math.max(last, folder.getUID(message));
        }
        if (batch.isEmpty() && !continuing) {
            long next = folder.getUIDNext();
            last = next > 0 ? next - 1 : 0; // nothing since the date: read only what arrives from now on
        }
        return new FolderRead(read, new FolderCursor(validity, last), more);
    }

    private static long uid(IMAPFolder folder, Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            throw new FolderFailure(e);
        }
    }

    private static MailHeader header(Message message) throws MessagingException {
        return new MailHeader(first(message, "Message-ID"), addresses(message, "From"), addresses(message, "To"),
                date(first(message, "Date")), first(message, "In-Reply-To"));
    }

    private static String first(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 || values[0].isBlank() ? null : values[0].strip();
    }

    private static List<String> addresses(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        List<String> addresses = new ArrayList<>();
        if (values == null) {
            return addresses;
        }
        for (String value : values) {
            try {
                for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                    if (address.getAddress() != null) {
                        addresses.add(address.getAddress().toLowerCase(Locale.ROOT));
                    }
                }
            } catch (AddressException unreadable) {
                // an address no one could answer from names no contact
            }
        }
        return addresses;
    }

    private static Instant date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new MailDateFormat().parse(value).toInstant();
        } catch (ParseException | RuntimeException unreadable) {
            return null;
        }
    }
}
