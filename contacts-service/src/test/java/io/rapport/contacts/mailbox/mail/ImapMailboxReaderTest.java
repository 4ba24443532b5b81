package io.rapport.contacts.mailbox.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import io.rapport.contacts.mailbox.FolderCursor;
import io.rapport.contacts.mailbox.MailHeader;
import io.rapport.contacts.mailbox.MailboxAuth;
import io.rapport.contacts.mailbox.MailboxReadFailure;
import io.rapport.contacts.mailbox.MailboxReading;
import io.rapport.contacts.mailbox.MailboxServer;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The IMAP adapter against GreenMail, with the commands it sends watched: headers only, read-only, in UID order. */
class ImapMailboxReaderTest {

    @RegisterExtension
    static final ImapTestServer imap = new ImapTestServer();
    private final ByteArrayOutputStream commands = new ByteArrayOutputStream();
    private ImapMailboxReader reader;
    private String address;
    private GreenMailUser user;

    @BeforeEach
    void newMailbox() {
        Session session = Session.getInstance(ImapMailboxReader.properties(Duration.ofSeconds(5)));
        session.setDebug(true);
        session.setDebugOut(new PrintStream(commands, true, StandardCharsets.UTF_8));
        reader = new ImapMailboxReader(session, true);
        address = "member-" + UUID.randomUUID() + "@uni.example";
        user = imap.setUser(address, address, "pw");
    }

    @Test
    void onlyTheFiveHeadersAreFetchedFromFoldersOpenedReadOnlyAndNothingIsMarkedSeen() throws Exception {
        Instant date = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        user.deliver(message("<one@navy.example>", "Grace <Grace@Navy.example>", address, date, "<earlier@uni.example>"));
        appendToSent(message("<two@uni.example>", address, "ada@engine.example, Bob <bob@else.example>", date, null));

        MailboxReading reading = reader.read(server(), null, null, Instant.now().minus(Duration.ofDays(14)), 200);

        assertThat(reading.received()).containsExactly(new MailHeader("<one@navy.example>",
                java.util.List.of("grace@navy.example"), java.util.List.of(address.toLowerCase(Locale.ROOT)), date,
                "<earlier@uni.example>"));
        assertThat(reading.sent()).singleElement().satisfies(sent -> {
            assertThat(sent.to()).containsExactly("ada@engine.example", "bob@else.example");
            assertThat(sent.inReplyTo()).isNull();
        });
        String protocol = commands.toString(StandardCharsets.UTF_8);
        // What the client sent: tagged commands (responses to them start with the tag and OK, NO or BAD).
        java.util.List<String> sent = protocol.lines().filter(line -> line.matches("^[A-Z]\\d+ .*"))
                .map(line -> line.replaceFirst("^[A-Z]\\d+ ", ""))
                .filter(command -> !command.matches("^(OK|NO|BAD)\\b.*")).toList();
        assertThat(sent).contains("EXAMINE INBOX", "EXAMINE Sent")
                .noneMatch(command -> command.startsWith("SELECT") || command.startsWith("STORE")
                        || command.startsWith("UID STORE") || command.startsWith("COPY") || command.startsWith("EXPUNGE"));
        assertThat(sent).filteredOn(command -> command.contains("FETCH")).isNotEmpty().allSatisfy(fetch ->
                assertThat(fetch).matches(".*FETCH [0-9:,*]+ \\((UID|UID BODY\\.PEEK\\[HEADER\\.FIELDS "
                        + "\\(From To Date Message-ID In-Reply-To\\)\\])\\)"));
        assertThat(protocol).as("nothing of the subject or body came back").doesNotContain("Subject never read",
                "A body never read");
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", imap.getImap().getPort(), address, "pw");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessage(1).isSet(Flags.Flag.SEEN)).as("nothing marked as read").isFalse();
        }
    }

    @Test
    void laterLooksReadOnlyNewMessagesInBoundedBatchesAndAFirstLookStartsAtTheDate() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 1; i <= 5; i++) {
            user.deliver(message("<m" + i + "@else.example>", "someone@else.example", address, now, null));
        }

        MailboxReading first = reader.read(server(), null, null, now.minus(Duration.ofDays(1)), 3);
        assertThat(first.received()).extracting(MailHeader::messageId).containsExactly("<m1@else.example>",
                "<m2@else.example>", "<m3@else.example>");
        assertThat(first.more()).isTrue();
        MailboxReading second = reader.read(server(), first.inbox(), first.sentFolder(), now, 3);
        assertThat(second.received()).extracting(MailHeader::messageId).containsExactly("<m4@else.example>",
                "<m5@else.example>");
        assertThat(second.more()).isFalse();
        MailboxReading third = reader.read(server(), second.inbox(), second.sentFolder(), now, 3);
        assertThat(third.received()).as("the last message is not read again").isEmpty();
        assertThat(third.inbox()).isEqualTo(second.inbox());

        MailboxReading rebuilt = reader.read(server(), new FolderCursor(third.inbox().uidValidity() + 1, 99), null,
                now.plus(Duration.ofDays(2)), 3);
        assertThat(rebuilt.received()).as("another UIDVALIDITY: from the date again, which is after them all").isEmpty();
        assertThat(rebuilt.inbox().lastUid()).as("and only new messages after that").isEqualTo(third.inbox().lastUid());
    }

    @Test
    void aRefusedPasswordIsAnAuthenticationFailureInPlainWordsWithoutThePassword() {
        MailboxServer wrong = MailboxServer.of("127.0.0.1", imap.getImap().getPort(), false, address, "not-the-pw-123");

        assertThatThrownBy(() -> reader.read(wrong, null, null, Instant.now(), 10))
                .isInstanceOfSatisfying(MailboxReadFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(MailboxReadFailure.Kind.AUTHENTICATION);
                    assertThat(failure.getMessage()).isEqualTo("The mail server 127.0.0.1 refused the user name or password.");
                });
        assertThat(commands.toString(StandardCharsets.UTF_8)).doesNotContain("not-the-pw-123");
        MailboxServer closed = MailboxServer.of("127.0.0.1", 1, false, address, "pw");
        assertThatThrownBy(() -> reader.read(closed, null, null, Instant.now(), 10))
                .isInstanceOfSatisfying(MailboxReadFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(MailboxReadFailure.Kind.UNREACHABLE);
                    assertThat(failure.getMessage()).contains("Could not reach the mail server 127.0.0.1 on port 1");
                });
    }

    @Test
    void anOAuth2MailboxSignsInWithAuthenticateXoauth2AndARefusedTokenIsAnAuthenticationFailure() throws Exception {
        user.setPassword("access-token-123"); // GreenMail takes the XOAUTH2 bearer token as the user's password
        user.deliver(message("<one@navy.example>", "grace@navy.example", address, Instant.now(), null));
        MailboxServer oauth2 = new MailboxServer("127.0.0.1", imap.getImap().getPort(), false, address,
                "access-token-123", MailboxAuth.OAUTH2);

        MailboxReading reading = reader.read(oauth2, null, null, Instant.now().minus(Duration.ofDays(1)), 10);

        assertThat(reading.received()).extracting(MailHeader::messageId).containsExactly("<one@navy.example>");
        String protocol = commands.toString(StandardCharsets.UTF_8);
        assertThat(protocol).contains("AUTHENTICATE XOAUTH2").doesNotContain(" LOGIN ", "access-token-123");

        MailboxServer expired = oauth2.withPassword("access-token-old");
        assertThatThrownBy(() -> reader.read(expired, null, null, Instant.now(), 10))
                .isInstanceOfSatisfying(MailboxReadFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(MailboxReadFailure.Kind.AUTHENTICATION);
                    assertThat(failure.getMessage()).isEqualTo("The mail server 127.0.0.1 refused the OAuth2 access"
                            + " token for " + address + ".");
                });
        assertThat(commands.toString(StandardCharsets.UTF_8)).doesNotContain("access-token-old");
    }

    private MailboxServer server() {
        return MailboxServer.of("127.0.0.1", imap.getImap().getPort(), false, address, "pw");
    }

    private void appendToSent(MimeMessage message) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", imap.getImap().getPort(), address, "pw");
            Folder sent = store.getFolder("Sent");
            sent.create(Folder.HOLDS_MESSAGES);
            sent.appendMessages(new Message[] {message});
        }
    }

    private static MimeMessage message(String messageId, String from, String to, Instant date, String inReplyTo)
            throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSentDate(Date.from(date));
        message.setSubject("Subject never read");
        message.setText("A body never read.");
        if (inReplyTo != null) {
            message.setHeader("In-Reply-To", inReplyTo);
        }
        message.saveChanges();
        return message;
    }
}
