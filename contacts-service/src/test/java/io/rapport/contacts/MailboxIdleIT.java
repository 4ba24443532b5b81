package io.rapport.contacts;

import static io.rapport.test.EventsOnTopic.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.contacts.mailbox.mail.ImapTestServer;
import io.rapport.contacts.mailbox.InboxIdleWatch;
import io.rapport.events.Topics;
import io.rapport.test.ApiClient;
import io.rapport.test.EventsOnTopic;
import io.rapport.test.ServiceIntegrationTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/**
 * IMAP IDLE against a real IMAP server (GreenMail offers IDLE): with polls ten minutes apart, a reply is seen within
 * seconds because the server tells the IDLE connection, which makes the mailbox due; disconnecting and erasure end
 * the IDLE.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"rapport.mailbox.key=" + MailboxIT.KEY, "rapport.mailbox.poll-interval=10m",
        "rapport.mailbox.idle-poll-interval=20m", "rapport.mailbox.idle-check=1s", "rapport.mailbox.tick=200ms",
        "rapport.mailbox.timeout=5s", "rapport.mailbox.allow-local-servers=true"})
class MailboxIdleIT {

    @RegisterExtension
    static final ImapTestServer imap = new ImapTestServer();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    InboxIdleWatch idle;

    private String tenant;
    private ApiClient alice;
    private String address;
    private String password;
    private EventsOnTopic events;

    @BeforeEach
    void setUp() {
        tenant = "uni-" + UUID.randomUUID();
        alice = ApiClient.at("http://127.0.0.1:" + port).as("alice", tenant);
        address = "alice-" + UUID.randomUUID() + "@uni.example";
        password = "app-pass-" + UUID.randomUUID();
        imap.setUser(address, address, password);
        events = new EventsOnTopic(kafka, Topics.CONTACTS);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void aReplyIsSeenWithinSecondsThroughIdleThoughTheMailboxIsPolledOnlyEveryTenMinutes() throws Exception {
        Instant sentAt = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        String grace = alice.post("/api/contacts", """
                {"name": "Grace Hopper", "email": "grace@navy.example", "employer": "Navy Labs"}""").text("id");
        String outreach = outreach(grace, sentAt);
        String mailboxId = connect().text("mailboxId");
        // the first look (due at once) offers IDLE; once it holds, a second look covers what came before it, and
        // the mailbox's next poll is the IDLE interval away
        await().atMost(Duration.ofSeconds(20)).until(() -> idle.isWatching(mailboxId));
        await().atMost(Duration.ofSeconds(20)).until(() -> nextCheckAt().isAfter(Instant.now().plus(Duration.ofMinutes(15))));
        assertThat(stored().getString("idleBy")).as("this instance holds the IDLE lease").startsWith("idle-");

        Instant repliedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        imap.getUserManager().getUser(address).deliver(message("<idle-reply@navy.example>",
                "Grace Hopper <grace@navy.example>", repliedAt));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(status(grace, outreach)).isEqualTo("REPLIED"));
        String replied = new String(events.await(ofType("OutreachReplied", outreach), Duration.ofSeconds(20)).value(),
                StandardCharsets.UTF_8);
        assertThat(replied).contains("\"source\":\"MAILBOX\"", "\"employer\":\"Navy Labs\"");
        assertThat(idle.isWatching(mailboxId)).as("IDLE goes on after the wake-up").isTrue();

        assertThat(alice.delete("/api/mailbox").status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> !idle.isWatching(mailboxId));
        assertThat(stored()).doesNotContainKeys("idleBy", "idleUntil");
    }

    @Test
    void erasingTheMembersDataEndsTheIdle() {
        String mailboxId = connect().text("mailboxId");
        await().atMost(Duration.ofSeconds(20)).until(() -> idle.isWatching(mailboxId));

        assertThat(alice.delete("/api/me").status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).until(() -> !idle.isWatching(mailboxId));
        assertThat(idle.size()).isZero();
    }

    @Test
    void withoutAnOAuth2ClientConfiguredAnOAuth2ConnectionIsRefusedNamingAuth() {
        ApiClient.Response refused = alice.put("/api/mailbox", """
                {"host": "imap.example.org", "user": "%s", "auth": "oauth2", "refreshToken": "rt-%s"}"""
                .formatted(address, UUID.randomUUID()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("auth");
        assertThat(refused.raw().body()).contains("oauth2 is not offered on this server");
        assertThat(alice.get("/api/mailbox").status()).isEqualTo(404);
    }

    private ApiClient.Response connect() {
        ApiClient.Response response = alice.put("/api/mailbox", """
                {"host": "127.0.0.1", "port": %d, "tls": false, "user": "%s", "password": "%s"}"""
                .formatted(imap.getImap().getPort(), address, password));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private Document stored() {
        return mongo.findOne(Query.query(Criteria.where("_id").is(tenant + "/alice")), Document.class, "mailboxes");
    }

    private Instant nextCheckAt() {
        Date next = stored().getDate("nextCheckAt");
        return next == null ? Instant.MIN : next.toInstant();
    }

    private String outreach(String contactId, Instant sentAt) {
        ApiClient.Response sent = alice.post("/api/contacts/" + contactId + "/outreach", """
                {"channel": "email", "text": "Would you have 20 minutes for a call?", "sentAt": "%s"}""".formatted(sentAt));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        return sent.json().path("outreach").path("id").asString();
    }

    private String status(String contactId, String outreachId) {
        for (var attempt : alice.get("/api/contacts/" + contactId + "/outreach").json().path("items")) {
            if (attempt.path("id").asString().equals(outreachId)) {
                return attempt.path("status").asString();
            }
        }
        throw new AssertionError("no outreach " + outreachId);
    }

    private MimeMessage message(String messageId, String from, Instant date) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, address);
        message.setSentDate(Date.from(date));
        message.setSubject("Re: a call");
        message.setText("A body Rapport never reads.");
        message.saveChanges();
        return message;
    }
}
