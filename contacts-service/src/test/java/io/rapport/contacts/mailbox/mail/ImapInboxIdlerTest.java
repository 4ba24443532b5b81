package io.rapport.contacts.mailbox.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import io.rapport.contacts.mailbox.InboxIdler;
import io.rapport.contacts.mailbox.MailboxAuth;
import io.rapport.contacts.mailbox.MailboxReadFailure;
import io.rapport.contacts.mailbox.MailboxServer;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** IDLE against GreenMail (it offers IDLE): new mail ends the wait, a re-issue ends it without mail, closing ends it. */
class ImapInboxIdlerTest {

    @RegisterExtension
    static final ImapTestServer imap = new ImapTestServer();
    private final ImapInboxIdler idler = new ImapInboxIdler(Duration.ofSeconds(5), Duration.ofMinutes(10), true);
    private String address;
    private GreenMailUser user;

    @BeforeEach
    void newMailbox() {
        address = "member-" + UUID.randomUUID() + "@uni.example";
        user = imap.setUser(address, address, "pw");
    }

    @Test
    void newMailEndsTheWaitAndAReissueEndsItWithoutNewMail() throws Exception {
        user.deliver(message("<before@navy.example>"));
        try (InboxIdler.Connection connection = idler.open(server("pw")).orElseThrow()) {
            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(connection::awaitNewMail);
            Thread.sleep(300); // the IDLE is sent
            assertThat(waiting).as("a message already there is not new").isNotDone();

            user.deliver(message("<reply@navy.example>"));

            assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Boolean> again = CompletableFuture.supplyAsync(connection::awaitNewMail);
            Thread.sleep(300);
            connection.reissue();
            assertThat(again.get(5, TimeUnit.SECONDS)).as("IDLE ended to be sent anew, no new mail").isFalse();

            CompletableFuture<Boolean> third = CompletableFuture.supplyAsync(connection::awaitNewMail);
            Thread.sleep(300);
            user.deliver(message("<second@navy.example>"));
            assertThat(third.get(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void mailThatCameBetweenTwoWaitsEndsTheNextWaitAtOnce() throws Exception {
        try (InboxIdler.Connection connection = idler.open(server("pw")).orElseThrow()) {
            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(connection::awaitNewMail);
            Thread.sleep(300);
            user.deliver(message("<reply@navy.example>"));
            assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();

            // the caller is busy with the first reply (its look) when the second arrives
            user.deliver(message("<second@navy.example>"));

            CompletableFuture<Boolean> next = CompletableFuture.supplyAsync(connection::awaitNewMail);
            assertThat(next.get(5, TimeUnit.SECONDS)).as("GreenMail reports it before IDLE's continuation").isTrue();
        }
    }

    @Test
    void closingFromAnotherThreadEndsTheWait() throws Exception {
        InboxIdler.Connection connection = idler.open(server("pw")).orElseThrow();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(connection::awaitNewMail);
        Thread.sleep(300);

        connection.close();

        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(MailboxReadFailure.class);
        connection.close(); // harmless when repeated
    }

    @Test
    void aRefusedSignInIsAnAuthenticationFailure() {
        assertThatThrownBy(() -> idler.open(server("wrong"))).isInstanceOfSatisfying(MailboxReadFailure.class,
                failure -> assertThat(failure.kind()).isEqualTo(MailboxReadFailure.Kind.AUTHENTICATION));
    }

    @Test
    void anOAuth2MailboxIdlesSignedInWithItsAccessTokenAndARefusedTokenIsAnAuthenticationFailure() throws Exception {
        user.setPassword("access-token-1"); // GreenMail takes the XOAUTH2 bearer token as the user's password
        MailboxServer oauth2 = new MailboxServer("127.0.0.1", imap.getImap().getPort(), false, address,
                "access-token-1", MailboxAuth.OAUTH2);
        try (InboxIdler.Connection connection = idler.open(oauth2).orElseThrow()) {
            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(connection::awaitNewMail);
            Thread.sleep(300);
            user.deliver(message("<reply@navy.example>"));
            assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
        }

        assertThatThrownBy(() -> idler.open(oauth2.withPassword("access-token-expired")))
                .isInstanceOfSatisfying(MailboxReadFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(MailboxReadFailure.Kind.AUTHENTICATION);
                    assertThat(failure.getMessage()).contains("refused the OAuth2 access token");
                });
    }

    private MailboxServer server(String password) {
        return new MailboxServer("127.0.0.1", imap.getImap().getPort(), false, address, password);
    }

    private MimeMessage message(String messageId) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress("grace@navy.example"));
        message.setRecipients(Message.RecipientType.TO, address);
        message.setSubject("Re: a call");
        message.setText("A body never read.");
        message.saveChanges();
        return message;
    }
}
