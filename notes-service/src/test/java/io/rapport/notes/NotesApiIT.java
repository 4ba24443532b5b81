package io.rapport.notes;

import static io.rapport.notes.NotesFixture.entry;
import static io.rapport.notes.NotesFixture.notes;
import static io.rapport.test.EventsOnTopic.header;
import static io.rapport.test.EventsOnTopic.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.InterviewConfirmed;
import io.rapport.events.InterviewHeld;
import io.rapport.events.Topics;
import io.rapport.platform.messaging.CloudEventHeaders;
import io.rapport.test.ApiClient;
import io.rapport.test.EventsOnTopic;
import io.rapport.test.ServiceIntegrationTest;
import io.rapport.test.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

/** Notes of held interviews over HTTP, fed by InterviewHeld, with their events read back from rapport.notes. */
@ServiceIntegrationTest
class NotesApiIT {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    private NotesFixture fixture;
    private ApiClient alice;
    private EventsOnTopic events;

    @BeforeEach
    void setUp() {
        fixture = new NotesFixture(port, producer);
        alice = fixture.api;
        events = new EventsOnTopic(kafka, Topics.NOTES);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void notesForAnInterviewNotHeldAreRefusedButPreparationIsWelcome() {
        String interviewId = "iv-" + UUID.randomUUID();
        fixture.send(TestEvents.record(new InterviewConfirmed(interviewId, "contact-" + interviewId,
                Instant.now().plusSeconds(3600)), fixture.member));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                alice.put("/api/notes/" + interviewId + "/preparation", "{}").status() == 200);

        ApiClient.Response early = alice.put("/api/notes/" + interviewId,
                notes("Dana Reyes", "Acme", "Analyst", "GRANTED", entry("skills", "SQL daily", false)));
        ApiClient.Response prepared = alice.put("/api/notes/" + interviewId + "/preparation",
                "{\"industry\": \"Fintech is consolidating\", \"organization\": \"Acme raised a series B\", \"person\": \"Dana led the data team\"}");

        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertThat(prepared.status()).as(prepared.toString()).isEqualTo(200);
        assertThat(prepared.json().path("held").asBoolean()).isFalse();
        assertThat(alice.post("/api/notes/" + interviewId + "/thank-you/sent", "{\"channel\": \"email\"}").status()).isEqualTo(409);

        fixture.send(TestEvents.record(NotesFixture.held(interviewId, Instant.now()), fixture.member));
        fixture.awaitHeld(interviewId);
        ApiClient.Response record = alice.get("/api/notes/" + interviewId);
        assertThat(record.json().path("preparation").path("organization").asString()).isEqualTo("Acme raised a series B");
        assertThat(record.json().path("interview").path("actualMinutes").asInt()).isEqualTo(35);
        assertThat(alice.put("/api/notes/" + interviewId,
                notes("Dana Reyes", "Acme", "Analyst", "GRANTED", entry("skills", "SQL daily", false))).status()).isEqualTo(200);
    }

    @Test
    void entriesWithoutConsentAreRefusedWith422AndNothingIsStored() {
        String interviewId = fixture.holdInterview(Instant.now());

        for (String consent : new String[] {"NOT_ASKED", "DECLINED"}) {
            ApiClient.Response refused = alice.put("/api/notes/" + interviewId,
                    notes("Dana Reyes", "Acme", "Analyst", consent, entry("culture", "Unsecret: layoffs coming", true)));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("detail")).contains("consent");
        }

        ApiClient.Response stored = alice.get("/api/notes/" + interviewId);
        assertThat(stored.json().path("entries").size()).isZero();
        assertThat(stored.toString()).doesNotContain("layoffs");
        assertThat(events.readFor(Duration.ofMillis(500)))
                .noneMatch(record -> interviewId.equals(header(record, CloudEventHeaders.SUBJECT)));
    }

    @Test
    void consentedNotesAreStoredAndAnnouncedAndDecliningLaterDeletesThem() {
        String interviewId = fixture.holdInterview(Instant.now());

        ApiClient.Response saved = alice.header("X-Request-Id", "req-notes-1").put("/api/notes/" + interviewId,
                notes("Dana Reyes", "Acme", "Analyst", "granted",
                        entry("skills", "SQL every day", false) + "," + entry("day-to-day", "Mostly dashboards", false)
                                + "," + entry("skills", "Python for automation", false)));

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("entries").findValuesAsString("category")).containsExactly("SKILLS", "DAY_TO_DAY", "SKILLS");
        ConsumerRecord<String, byte[]> recorded = events.await(ofType("NoteRecorded", interviewId), Duration.ofSeconds(20));
        assertThat(recorded.key()).isEqualTo("alice");
        assertThat(header(recorded, CloudEventHeaders.SOURCE)).isEqualTo("/rapport/notes-service");
        assertThat(header(recorded, CloudEventHeaders.CORRELATION)).isEqualTo("req-notes-1");
        assertThat(new String(recorded.value(), StandardCharsets.UTF_8))
                .contains("\"entryCount\":3", "\"categories\":[\"DAY_TO_DAY\",\"SKILLS\"]", "\"contactId\":\"contact-" + interviewId + "\"");

        ApiClient.Response declined = alice.put("/api/notes/" + interviewId,
                notes("Dana Reyes", "Acme", "Analyst", "DECLINED", ""));

        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(alice.get("/api/notes/" + interviewId).json().path("entries").size()).isZero();
        assertThat(alice.get("/api/notes/" + interviewId).text("consent")).isEqualTo("DECLINED");
    }

    @Test
    void actionItemsAndReferralsAreAnnounced() {
        String interviewId = fixture.holdInterview(Instant.now());

        ApiClient.Response created = alice.post("/api/notes/" + interviewId + "/action-items",
                "{\"text\": \"Finish the SQL course\", \"dueOn\": \"2026-12-15\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String actionItemId = created.json().path("actionItems").get(0).path("id").asString();
        ConsumerRecord<String, byte[]> createdEvent = events.await(ofType("ActionItemCreated", actionItemId), Duration.ofSeconds(20));
        assertThat(new String(createdEvent.value(), StandardCharsets.UTF_8))
                .contains("\"dueOn\":\"2026-12-15\"", "\"interviewId\":\"" + interviewId + "\"", "Finish the SQL course");

        ApiClient.Response completed = alice.post("/api/notes/" + interviewId + "/action-items/" + actionItemId + "/completion", "{}");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.json().path("actionItems").get(0).path("completedAt").isNull()).isFalse();
        events.await(ofType("ActionItemCompleted", actionItemId), Duration.ofSeconds(20));
        assertThat(alice.post("/api/notes/" + interviewId + "/action-items/" + actionItemId + "/completion", "{}").status())
                .isEqualTo(409);

        ApiClient.Response referral = alice.post("/api/notes/" + interviewId + "/referrals",
                "{\"name\": \"Priya Natarajan\", \"employer\": \"Globex\", \"role\": \"Data Lead\", \"mayUseReferrerName\": true}");
        assertThat(referral.status()).as(referral.toString()).isEqualTo(201);
        String referralId = referral.json().path("referrals").get(0).path("id").asString();
        ConsumerRecord<String, byte[]> referred = events.await(ofType("ReferralRecorded", referralId), Duration.ofSeconds(20));
        assertThat(new String(referred.value(), StandardCharsets.UTF_8)).contains("\"name\":\"Priya Natarajan\"",
                "\"referredByContactId\":\"contact-" + interviewId + "\"", "\"mayUseReferrerName\":true");
    }

    @Test
    void theThankYouDraftNamesATakeawayAndIsSentOnce() {
        Instant endedAt = Instant.now().minus(Duration.ofHours(20));
        String interviewId = fixture.holdInterview(endedAt);
        alice.put("/api/notes/" + interviewId, notes("Dr. Dana Reyes", "Acme", "Analyst", "GRANTED", entry("advice", "Learn SQL", false)));

        ApiClient.Response draft = alice.get("/api/notes/" + interviewId + "/thank-you");

        assertThat(draft.status()).as(draft.toString()).isEqualTo(200);
        assertThat(draft.text("draft")).startsWith("Dear Dana,")
                .contains("Product analytics is learned on the job", "take the SQL course this month")
                .doesNotContain("?", "job opening", "position");
        assertThat(draft.json().path("words").asInt()).isLessThan(150);
        assertThat(draft.json().path("warnings").size()).isZero();

        ApiClient.Response edited = alice.put("/api/notes/" + interviewId + "/thank-you", "{\"text\": \"Dear Dana, thank you!\"}");
        assertThat(edited.text("draft")).isEqualTo("Dear Dana, thank you!");
        ApiClient.Response asking = alice.put("/api/notes/" + interviewId + "/thank-you",
                "{\"text\": \"Dear Dana, thanks! Is your team hiring?\"}");
        assertThat(asking.json().path("warnings").size()).as(asking.toString()).isEqualTo(2);
        alice.put("/api/notes/" + interviewId + "/thank-you", "{\"text\": \"Dear Dana, thank you!\"}");
        assertThat(alice.put("/api/notes/" + interviewId + "/thank-you", "{\"text\": \"" + "word ".repeat(150) + "\"}").status())
                .isEqualTo(400);

        ApiClient.Response sent = alice.post("/api/notes/" + interviewId + "/thank-you/sent", "{\"channel\": \"email\"}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.json().path("thankYou").path("late").asBoolean()).isFalse();
        ConsumerRecord<String, byte[]> thanked = events.await(ofType("ThankYouSent", interviewId), Duration.ofSeconds(20));
        assertThat(new String(thanked.value(), StandardCharsets.UTF_8))
                .contains("\"hoursSinceInterview\":20", "\"late\":false", "\"channel\":\"EMAIL\"",
                        "\"advice\":\"take the SQL course this month\"");

        ApiClient.Response second = alice.post("/api/notes/" + interviewId + "/thank-you/sent", "{\"channel\": \"letter\"}");
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.text("channel")).isEqualTo("EMAIL");
    }

    @Test
    void aThankYouAfter48HoursIsAcceptedAndFlaggedLate() {
        String interviewId = fixture.holdInterview(Instant.now().minus(Duration.ofHours(60)));

        ApiClient.Response sent = alice.post("/api/notes/" + interviewId + "/thank-you/sent", "{\"channel\": \"LINKEDIN\"}");

        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.json().path("thankYou").path("late").asBoolean()).isTrue();
        ConsumerRecord<String, byte[]> thanked = events.await(ofType("ThankYouSent", interviewId), Duration.ofSeconds(20));
        assertThat(new String(thanked.value(), StandardCharsets.UTF_8)).contains("\"hoursSinceInterview\":60", "\"late\":true");
    }

    @Test
    void aRedeliveredInterviewHeldHasNoSecondEffect() {
        String interviewId = "iv-" + UUID.randomUUID();
        Instant endedAt = Instant.now();
        fixture.send(TestEvents.record(NotesFixture.held(interviewId, endedAt), fixture.member, "event-" + interviewId));
        fixture.send(TestEvents.record(NotesFixture.held(interviewId, endedAt), fixture.member, "event-" + interviewId));
        String marker = fixture.holdInterview(Instant.now());
        fixture.awaitHeld(interviewId);

        assertThat(alice.get("/api/notes/" + marker).json().path("held").asBoolean()).isTrue();
        assertThat(alice.get("/api/notes/" + interviewId).json().path("version").asLong())
                .as("one InterviewHeld applied").isEqualTo(1);
    }

    @Test
    void anInterviewHeldThatCannotBeAppliedIsParkedAndTheNextOneIsStillApplied() {
        String brokenId = "broken-" + UUID.randomUUID();
        fixture.send(TestEvents.record(new InterviewHeld("iv-" + UUID.randomUUID(), "c-1", Instant.now(), 30, 30, false, null),
                fixture.member, brokenId));

        String next = fixture.holdInterview(Instant.now());

        assertThat(alice.get("/api/notes/" + next).json().path("held").asBoolean()).isTrue();
        try (EventsOnTopic deadLetters = new EventsOnTopic(kafka, Topics.deadLetter(Topics.SCHEDULING))) {
            ConsumerRecord<String, byte[]> parked = deadLetters.await(
                    record -> brokenId.equals(header(record, CloudEventHeaders.ID)), Duration.ofSeconds(30));
            assertThat(header(parked, "kafka_dlt-exception-message")).contains("without an interview id or end time");
        }
    }

    @Test
    void aMemberSeesOnlyTheirOwnNotes() {
        String interviewId = fixture.holdInterview(Instant.now());
        alice.put("/api/notes/" + interviewId, notes("Dana Reyes", "Acme", "Analyst", "GRANTED", entry("skills", "SQL", false)));
        ApiClient bob = ApiClient.at("http://127.0.0.1:" + port).as("bob", fixture.member.tenantId());
        ApiClient otherTenant = ApiClient.at("http://127.0.0.1:" + port).as("alice", "other-" + fixture.member.tenantId());

        assertThat(bob.get("/api/notes/" + interviewId).status()).isEqualTo(404);
        assertThat(otherTenant.get("/api/notes/" + interviewId).status()).isEqualTo(404);
        assertThat(bob.put("/api/notes/" + interviewId, notes("X", "Y", "Z", "GRANTED", "")).status())
                .as("alice's interview is not bob's to write under").isEqualTo(404);
        assertThat(bob.get("/api/notes").json().size()).isZero();
        assertThat(alice.get("/api/notes/" + interviewId).json().path("entries").size()).isEqualTo(1);
    }

    @Test
    void badInputNamesTheFieldAndStoresNothing() {
        String interviewId = fixture.holdInterview(Instant.now());

        assertField(alice.put("/api/notes/" + interviewId, "{\"entries\": []}"), "consent");
        assertField(alice.put("/api/notes/" + interviewId, notes("D", "A", "R", "maybe", "")), "consent");
        assertField(alice.put("/api/notes/" + interviewId, notes("D", "A", "R", "GRANTED", entry("gossip", "x", false))), "entries[0].category");
        assertField(alice.put("/api/notes/" + interviewId, notes("D", "A", "R", "GRANTED", "{\"category\": \"skills\"}")), "entries[0].text");
        assertField(alice.put("/api/notes/" + interviewId, "{\"consent\": \"GRANTED\", \"memberId\": \"bob\"}"), "memberId");
        assertField(alice.post("/api/notes/" + interviewId + "/action-items", "{\"text\": \"x\", \"dueOn\": \"next week\"}"), "dueOn");
        assertField(alice.post("/api/notes/" + interviewId + "/action-items", "{\"dueOn\": \"2026-12-01\"}"), "text");
        assertField(alice.post("/api/notes/" + interviewId + "/referrals", "{\"name\": \"Someone\"}"), "mayUseReferrerName");
        assertField(alice.post("/api/notes/" + interviewId + "/thank-you/sent", "{\"channel\": \"pigeon\"}"), "channel");
        assertField(alice.put("/api/notes/" + interviewId + "/thank-you", "{\"text\": \"" + "x".repeat(200_000) + "\"}"), "text");
        assertField(alice.put("/api/notes/" + interviewId, notes("D".repeat(201), "A", "R", "GRANTED", "")), "contactName");
        assertField(alice.post("/api/notes/" + interviewId + "/thank-you/sent",
                "{\"channel\": \"email\", \"sentAt\": \"2001-01-01T00:00:00Z\"}"), "sentAt");

        ApiClient.Response stored = alice.get("/api/notes/" + interviewId);
        assertThat(stored.json().path("entries").size()).isZero();
        assertThat(stored.json().path("actionItems").size()).isZero();
        assertThat(stored.json().path("referrals").size()).isZero();
        assertThat(stored.json().path("thankYou").path("sent").asBoolean()).isFalse();
        assertThat(alice.get("/api/notes/" + interviewId + "/thank-you").text("draft")).doesNotContain("xxxxxxxxxx");
        assertThat(stored.json().path("version").asLong()).isEqualTo(1);
    }

    private static void assertField(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsString("field")).contains(field);
    }
}
