package io.rapport.contacts;

import static io.rapport.test.EventsOnTopic.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import io.rapport.contacts.mailbox.mail.ImapTestServer;
import io.rapport.contacts.contacts.BusinessDays;
import io.rapport.contacts.mailbox.InboxIdleWatch;
import io.rapport.contacts.mailbox.mail.TokenEndpointServer;
import io.rapport.contacts.mailbox.mail.TokenEndpointServer.Answer;
import io.rapport.platform.domain.Member;
import io.rapport.platform.secrets.SealedSecrets;
import io.rapport.events.Topics;
import io.rapport.test.ApiClient;
import io.rapport.test.EventsOnTopic;
import io.rapport.test.ServiceIntegrationTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The member's mailbox against a real IMAP server (GreenMail, plain IMAP on loopback): replies arrive as e-mail,
 * strangers change nothing, a wrong password pauses the mailbox, and the password is never in a response or a log.
 * OAuth2 mailboxes against the same server (GreenMail takes the XOAUTH2 bearer token as the user's password) and a
 * real token endpoint on loopback ({@link TokenEndpointServer}).
 */
@ServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"rapport.mailbox.key=" + MailboxIT.KEY, "rapport.mailbox.poll-interval=1s",
        // GreenMail offers IDLE: these cases are about the look, so a mailbox under IDLE is polled every second too
        "rapport.mailbox.idle-poll-interval=1s",
        "rapport.mailbox.tick=200ms", "rapport.mailbox.timeout=5s", "rapport.mailbox.allow-local-servers=true"})
class MailboxIT {

    /** 32 bytes, base64: a test key, nothing else ever sealed with it. */
    static final String KEY = "bWFpbGJveC1pdC1rZXktMzItYnl0ZXMtbG9uZy0hISE=";

    @RegisterExtension
    static final ImapTestServer imap = new ImapTestServer();
    private static final TokenEndpointServer PROVIDER = new TokenEndpointServer("rapport-it", "it-client-secret");

    @DynamicPropertySource
    static void oauth2(DynamicPropertyRegistry registry) {
        registry.add("rapport.mailbox.oauth2.token-uri", () -> PROVIDER.uri().toString());
        registry.add("rapport.mailbox.oauth2.client-id", () -> "rapport-it");
        registry.add("rapport.mailbox.oauth2.client-secret", () -> "it-client-secret");
    }

    @Autowired
    InboxIdleWatch idle;

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Autowired
    MongoTemplate mongo;

    private String tenant;
    private ApiClient alice;
    private ApiClient bob;
    private String address;
    private String password;
    private EventsOnTopic events;

    @AfterAll
    static void stopImap() {
        PROVIDER.close();
    }

    @BeforeEach
    void setUp() {
        tenant = "uni-" + UUID.randomUUID();
        alice = ApiClient.at("http://127.0.0.1:" + port).as("alice", tenant);
        bob = ApiClient.at("http://127.0.0.1:" + port).as("bob", tenant);
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
    void aReplyArrivingAsEmailAnswersTheOutreachOnceWhileAStrangersMessageChangesNothing(CapturedOutput output)
            throws Exception {
        Instant sentAt = Instant.now().minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        String grace = alice.post("/api/contacts", """
                {"name": "Grace Hopper", "email": "Grace.Hopper@navy.example", "employer": "Navy Labs"}""").text("id");
        String graceOutreach = outreach(grace, sentAt);
        String ada = alice.post("/api/contacts", """
                {"name": "Ada Lovelace", "email": "ada@engine.example", "employer": "Engines"}""").text("id");
        String adaOutreach = outreach(ada, sentAt);

        ApiClient.Response connected = connect(password);
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
        assertThat(connected.text("state")).isEqualTo("CONNECTED");
        assertThat(connected.json().has("password")).isFalse();
        await().atMost(Duration.ofSeconds(20)).until(() -> alice.get("/api/mailbox").json().path("lastCheckedAt").isString());

        Instant repliedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        deliver("<reply-1@navy.example>", "Grace Hopper <grace.hopper@navy.example>", repliedAt);
        deliver("<spam-1@else.example>", "Someone <stranger@else.example>", repliedAt);
        deliver("<reply-1@navy.example>", "Grace Hopper <grace.hopper@navy.example>", repliedAt); // the same message again

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                status(grace, graceOutreach)).isEqualTo("REPLIED"));
        JsonNode answered = outreachOf(grace, graceOutreach);
        int latency = BusinessDays.between(sentAt, repliedAt, ZoneOffset.UTC);
        assertThat(answered.path("answeredAt").asString()).isEqualTo(repliedAt.toString());
        assertThat(answered.path("latencyBusinessDays").asInt()).isEqualTo(latency);
        assertThat(alice.get("/api/contacts/" + grace).text("stage")).isEqualTo("REPLIED");
        String replied = new String(events.await(ofType("OutreachReplied", graceOutreach), Duration.ofSeconds(20)).value(),
                StandardCharsets.UTF_8);
        assertThat(replied).contains("\"source\":\"MAILBOX\"", "\"employer\":\"Navy Labs\"",
                "\"latencyBusinessDays\":" + latency);

        // The mailbox was looked at again after all three messages: still one reply, and Ada's outreach still waits.
        Instant afterwards = Instant.now();
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.parse(
                alice.get("/api/mailbox").text("lastCheckedAt")).isAfter(afterwards));
        List<ConsumerRecord<String, byte[]>> all = events.readFor(Duration.ofSeconds(1));
        assertThat(all.stream().filter(ofType("OutreachReplied", graceOutreach))).as("one reply for two copies").hasSize(1);
        assertThat(all.stream().filter(ofType("OutreachReplied", adaOutreach))).isEmpty();
        assertThat(status(ada, adaOutreach)).as("a stranger's message is nobody's reply").isEqualTo("SENT");
        assertThat(alice.get("/api/mailbox").json().path("lastError").isNull()).isTrue();
        assertThat(output.getAll()).doesNotContain(password);
    }

    @Test
    void mailTheMemberSentToAContactWithoutLoggedOutreachIsOnlyASuggestion() throws Exception {
        String ada = alice.post("/api/contacts", """
                {"name": "Ada Lovelace", "email": "ada@engine.example", "employer": "Engines"}""").text("id");
        appendToSent("<out-1@uni.example>", "ada@engine.example", Instant.now().minus(Duration.ofHours(2)));

        assertThat(connect(password).status()).isEqualTo(200);

        ConsumerRecord<String, byte[]> suggested = events.await(record -> "OutreachSuggested".equals(
                EventsOnTopic.header(record, "ce_type")) && new String(record.value(), StandardCharsets.UTF_8).contains(ada),
                Duration.ofSeconds(20));
        assertThat(new String(suggested.value(), StandardCharsets.UTF_8)).contains("\"employer\":\"Engines\"");
        assertThat(alice.get("/api/contacts/" + ada + "/outreach").json().path("items").size())
                .as("never an automatic outreach record").isZero();
        assertThat(alice.get("/api/contacts/" + ada).text("stage")).isEqualTo("IDENTIFIED");
    }

    @Test
    void aWrongPasswordPausesTheMailboxWithAClearMessageAndThePasswordIsNeverShownOrLogged(CapturedOutput output) {
        String wrong = "wrong-" + UUID.randomUUID();

        ApiClient.Response connected = connect(wrong);

        assertThat(connected.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alice.get("/api/mailbox").text("state"))
                .isEqualTo("PAUSED"));
        ApiClient.Response status = alice.get("/api/mailbox");
        assertThat(status.text("lastError")).contains("refused the user name or password", "Paused after 3 failed sign-ins",
                "Connect the mailbox again");
        String mailboxId = status.text("mailboxId");
        assertThat(new String(events.await(ofType("MailboxPaused", mailboxId), Duration.ofSeconds(20)).value(),
                StandardCharsets.UTF_8)).contains("refused the user name or password").doesNotContain(wrong);
        assertThat(output.getAll()).as("the failures are logged").contains("refused the user name or password")
                .doesNotContain(wrong);
        assertThat(connected.raw().body() + status.raw().body()).doesNotContain(wrong);
        Object sealed = mongo.findOne(Query.query(Criteria.where("_id").is(tenant + "/alice")), org.bson.Document.class,
                "mailboxes").get("sealedPassword");
        assertThat(sealed.toString()).startsWith("v1:").doesNotContain(wrong);

        ApiClient.Response fixed = connect(password);
        assertThat(fixed.text("state")).as("connecting again resumes").isEqualTo("CONNECTED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode now = alice.get("/api/mailbox").json();
            assertThat(now.path("lastCheckedAt").isString()).isTrue();
            assertThat(now.path("lastError").isNull()).isTrue();
        });
    }

    @Test
    void theMailboxIsTheMembersOwnBadInputIsNamedAndDisconnectingAndErasureDeleteTheCredentials() {
        ApiClient.Response bad = alice.put("/api/mailbox", """
                {"host": "not a host", "port": 70000, "user": "", "password": ""}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).contains("application/problem+json");
        assertThat(bad.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("host", "port",
                "user", "password");
        assertThat(alice.put("/api/mailbox", """
                {"host": "imap.example.org", "port": "993", "user": "a", "password": "b"}""").status())
                .as("a port in quotes").isEqualTo(400);
        assertThat(alice.get("/api/mailbox").status()).isEqualTo(404);

        assertThat(connect(password).status()).isEqualTo(200);
        ApiClient.Response export = alice.get("/api/me/export");
        assertThat(export.json().path("mailbox").path("user").asString()).isEqualTo(address);
        assertThat(export.raw().body()).doesNotContain(password, "sealed", "v1:");
        assertThat(bob.get("/api/mailbox").status()).as("another member's mailbox").isEqualTo(404);
        assertThat(bob.delete("/api/mailbox").status()).isEqualTo(404);
        assertThat(alice.get("/api/mailbox").status()).isEqualTo(200);

        assertThat(alice.delete("/api/mailbox").status()).isEqualTo(204);
        assertThat(alice.get("/api/mailbox").status()).isEqualTo(404);
        org.bson.Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(tenant + "/alice")),
                org.bson.Document.class, "mailboxes");
        assertThat(stored).doesNotContainKeys("sealedPassword", "user", "host");
        events.await(ofType("MailboxDisconnected", null), Duration.ofSeconds(20));

        assertThat(connect(password).status()).isEqualTo(200);
        assertThat(alice.delete("/api/me").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> !mongo.exists(
                Query.query(Criteria.where("_id").is(tenant + "/alice")), "mailboxes"));
        assertThat(alice.get("/api/mailbox").status()).isEqualTo(404);
    }

    @Test
    void anOAuth2MailboxSeesRepliesRefreshesARefusedAccessTokenKeepsTheRotatedRefreshTokenAndShowsNoToken(
            CapturedOutput output) throws Exception {
        String refresh = "rt-1-" + UUID.randomUUID();
        String rotated = "rt-2-" + UUID.randomUUID();
        String access = "at-1-" + UUID.randomUUID();
        String renewed = "at-2-" + UUID.randomUUID();
        GreenMailUser user = imap.getUserManager().getUser(address);
        user.setPassword(access);
        // the first exchange rotates the refresh token (the old one is then refused, as providers do)
        PROVIDER.answer(refresh, Answer.token(access, 3600, rotated)).answer(rotated, Answer.token(renewed, 3600, null));
        Instant sentAt = Instant.now().minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        String grace = alice.post("/api/contacts", """
                {"name": "Grace Hopper", "email": "grace@navy.example", "employer": "Navy Labs"}""").text("id");
        String graceOutreach = outreach(grace, sentAt);
        String ada = alice.post("/api/contacts", """
                {"name": "Ada Lovelace", "email": "ada@engine.example", "employer": "Engines"}""").text("id");
        String adaOutreach = outreach(ada, sentAt);

        ApiClient.Response connected = connectOAuth2(refresh);
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
        assertThat(connected.text("auth")).isEqualTo("OAUTH2");
        String mailboxId = connected.text("mailboxId");
        await().atMost(Duration.ofSeconds(20)).until(() -> alice.get("/api/mailbox").json().path("lastCheckedAt").isString());
        assertThat(PROVIDER.refusals()).as(PROVIDER.toString()).isEmpty();
        assertThat(sealedSecretOfAlice()).as("the rotated refresh token is stored, sealed").isEqualTo(rotated);
        await("IDLE signs in with the access token too").atMost(Duration.ofSeconds(20))
                .until(() -> idle.isWatching(mailboxId));

        Instant repliedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        deliver("<oauth-reply-1@navy.example>", "Grace Hopper <grace@navy.example>", repliedAt);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(status(grace, graceOutreach))
                .isEqualTo("REPLIED"));
        assertThat(new String(events.await(ofType("OutreachReplied", graceOutreach), Duration.ofSeconds(20)).value(),
                StandardCharsets.UTF_8)).contains("\"source\":\"MAILBOX\"", "\"employer\":\"Navy Labs\"");

        // The provider ends the access token before its time: the refused token is dropped and a fresh one got
        // with the rotated refresh token, in the same look.
        user.setPassword(renewed);
        deliver("<oauth-reply-2@engine.example>", "Ada Lovelace <ada@engine.example>", Instant.now());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(status(ada, adaOutreach))
                .isEqualTo("REPLIED"));
        assertThat(PROVIDER.exchangesOf(rotated)).isPositive();
        assertThat(PROVIDER.exchangesOf(refresh)).as("the old refresh token is not used again").isEqualTo(1);
        ApiClient.Response status = alice.get("/api/mailbox");
        assertThat(status.text("state")).isEqualTo("CONNECTED");
        assertThat(status.json().path("lastError").isNull()).isTrue();

        String shown = connected.raw().body() + status.raw().body() + alice.get("/api/me/export").raw().body();
        assertThat(shown).doesNotContain(refresh, rotated, access, renewed);
        assertThat(output.getAll()).doesNotContain(refresh, rotated, access, renewed, "it-client-secret");
        assertThat(stored().toJson()).doesNotContain(refresh, rotated, access, renewed);
    }

    @Test
    void aRevokedRefreshTokenPausesTheOAuth2MailboxWithAClearMessageAndIsNeverShownOrLogged(CapturedOutput output) {
        String revoked = "rt-revoked-" + UUID.randomUUID(); // the endpoint answers invalid_grant

        assertThat(connectOAuth2(revoked).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alice.get("/api/mailbox").text("state"))
                .isEqualTo("PAUSED"));
        ApiClient.Response status = alice.get("/api/mailbox");
        assertThat(status.text("lastError")).contains("Paused after 3 failed sign-ins", "invalid_grant",
                "Connect the mailbox again with a new refresh token");
        assertThat(new String(events.await(ofType("MailboxPaused", status.text("mailboxId")), Duration.ofSeconds(20))
                .value(), StandardCharsets.UTF_8)).contains("invalid_grant").doesNotContain(revoked);
        assertThat(PROVIDER.exchangesOf(revoked)).isEqualTo(3);
        assertThat(output.getAll()).contains("invalid_grant").doesNotContain(revoked);
        assertThat(status.raw().body()).doesNotContain(revoked);
    }

    @Test
    void badOAuth2InputIsNamed() {
        ApiClient.Response noToken = alice.put("/api/mailbox", """
                {"host": "imap.example.org", "user": "a@example.org", "auth": "oauth2", "password": "pw"}""");
        assertThat(noToken.status()).isEqualTo(400);
        assertThat(noToken.contentType()).contains("application/problem+json");
        assertThat(noToken.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "refreshToken", "password");
        ApiClient.Response unknown = alice.put("/api/mailbox", """
                {"host": "imap.example.org", "user": "a@example.org", "auth": "kerberos", "password": "pw"}""");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").findValuesAsString("field")).containsExactly("auth");
        assertThat(alice.get("/api/mailbox").status()).isEqualTo(404);
    }

    private ApiClient.Response connectOAuth2(String refreshToken) {
        ApiClient.Response response = alice.put("/api/mailbox", """
                {"host": "127.0.0.1", "port": %d, "tls": false, "user": "%s", "auth": "oauth2", "refreshToken": "%s"}"""
                .formatted(imap.getImap().getPort(), address, refreshToken));
        assertThat(response.raw().body()).doesNotContain(refreshToken);
        return response;
    }

    private org.bson.Document stored() {
        return mongo.findOne(Query.query(Criteria.where("_id").is(tenant + "/alice")), org.bson.Document.class,
                "mailboxes");
    }

    private String sealedSecretOfAlice() {
        return SealedSecrets.withKey("rapport.mailbox.key", KEY).open(new Member("alice", tenant),
                stored().getString("sealedPassword"));
    }

    private ApiClient.Response connect(String secret) {
        ApiClient.Response response = alice.put("/api/mailbox", """
                {"host": "127.0.0.1", "port": %d, "tls": false, "user": "%s", "password": "%s"}"""
                .formatted(imap.getImap().getPort(), address, secret));
        assertThat(response.raw().body()).doesNotContain(secret);
        return response;
    }

    private String outreach(String contactId, Instant sentAt) {
        ApiClient.Response sent = alice.post("/api/contacts/" + contactId + "/outreach", """
                {"channel": "email", "text": "Would you have 20 minutes for a call?", "sentAt": "%s"}""".formatted(sentAt));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        return sent.json().path("outreach").path("id").asString();
    }

    private JsonNode outreachOf(String contactId, String outreachId) {
        for (JsonNode attempt : alice.get("/api/contacts/" + contactId + "/outreach").json().path("items")) {
            if (attempt.path("id").asString().equals(outreachId)) {
                return attempt;
            }
        }
        throw new AssertionError("no outreach " + outreachId);
    }

    private String status(String contactId, String outreachId) {
        return outreachOf(contactId, outreachId).path("status").asString();
    }

    private void deliver(String messageId, String from, Instant date) throws Exception {
        GreenMailUser user = imap.getUserManager().getUser(address);
        user.deliver(message(messageId, from, address, date));
    }

    private void appendToSent(String messageId, String to, Instant date) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", imap.getImap().getPort(), address, password);
            Folder sent = store.getFolder("Sent");
            if (!sent.exists()) {
                sent.create(Folder.HOLDS_MESSAGES);
            }
            sent.appendMessages(new Message[] {message(messageId, address, to, date)});
        }
    }

    private static MimeMessage message(String messageId, String from, String to, Instant date) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSentDate(Date.from(date));
        message.setSubject("Re: a call");
        message.setText("A body Rapport never reads.");
        message.saveChanges();
        return message;
    }
}
