package io.rapport.contacts;

import static io.rapport.test.EventsOnTopic.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.Events;
import io.rapport.events.InterviewHeld;
import io.rapport.events.InterviewScheduled;
import io.rapport.events.ReferralRecorded;
import io.rapport.events.ThankYouSent;
import io.rapport.events.Topics;
import io.rapport.platform.domain.Member;
import io.rapport.test.ApiClient;
import io.rapport.test.EventsOnTopic;
import io.rapport.test.ServiceIntegrationTest;
import io.rapport.test.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** What scheduling and notes publish moves the member's contacts along, once per event. */
@ServiceIntegrationTest
class EventsIntoContactsIT {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    private Member alice;
    private ApiClient aliceApi;
    private EventsOnTopic events;

    @BeforeEach
    void setUp() {
        alice = new Member("alice", "uni-" + UUID.randomUUID());
        aliceApi = ApiClient.at("http://127.0.0.1:" + port).as(alice.memberId(), alice.tenantId());
        events = new EventsOnTopic(kafka, Topics.CONTACTS);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void anInterviewScheduledThenHeldThenThankedMovesTheContactAndEachRedeliveryChangesNothing() {
        String id = aliceApi.post("/api/contacts", "{\"name\": \"Grace Hopper\", \"employer\": \"Navy\"}").text("id");
        Instant start = Instant.parse("2026-04-01T15:00:00Z");

        ProducerRecord<String, byte[]> scheduled = TestEvents.record(new InterviewScheduled("i-1", id, start, 30,
                new Events.Format("VIDEO", null, null, "Zoom", "https://zoom.example/j/1"), "UTC", "UTC"), alice, "sched-" + id);
        send(scheduled);
        awaitStage(id, "SCHEDULED");
        send(scheduled);

        Instant ended = start.plusSeconds(1800);
        send(TestEvents.record(new InterviewHeld("i-1", id, start, 30, 30, false, ended), alice));
        awaitStage(id, "INTERVIEWED");
        Instant thanked = ended.plusSeconds(20 * 3600);
        ProducerRecord<String, byte[]> thankYou = TestEvents.record(new ThankYouSent("i-1", id, "EMAIL", thanked, 20, false),
                alice, "thanks-" + id);
        send(thankYou);
        awaitStage(id, "THANKED");
        send(thankYou);
        send(TestEvents.record(new InterviewScheduled("i-0", id, start.minusSeconds(86400), 30, null, "UTC", "UTC"), alice));

        JsonNode contact = aliceApi.get("/api/contacts/" + id).json();
        assertThat(contact.path("lastInteractionAt").asString()).isEqualTo(thanked.toString());
        events.await(record -> new String(record.value(), StandardCharsets.UTF_8).contains("\"stage\":\"THANKED\""), Duration.ofSeconds(20));
        send(TestEvents.record(new InterviewHeld("i-1", id, start, 30, 30, false, ended), alice));
        // Markers after the redeliveries on both topics: once they are applied, the redeliveries have been handled.
        String marker = aliceApi.post("/api/contacts", "{\"name\": \"Marker " + id + "\"}").text("id");
        send(TestEvents.record(new InterviewScheduled("i-2", marker, start, 30, null, "UTC", "UTC"), alice));
        send(TestEvents.record(new ReferralRecorded(UUID.randomUUID().toString(), "i-2", marker, "Referred " + id, null, null,
                false), alice));
        awaitStage(marker, "SCHEDULED");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                aliceApi.get("/api/contacts?q=Referred").json().path("items").size() == 1);
        assertThat(aliceApi.get("/api/contacts/" + id).json().path("version").asLong())
                .as("added, then scheduled, interviewed, thanked: nothing more").isEqualTo(4);
        assertThat(events.readFor(Duration.ofMillis(500)))
                .filteredOn(record -> id.equals(EventsOnTopic.header(record, "ce_subject")))
                .extracting(record -> EventsOnTopic.header(record, "ce_type"))
                .containsExactly("ContactAdded", "ContactUpdated", "ContactUpdated", "ContactUpdated");
    }

    @Test
    void anInterviewHeldWhileStillRunningLeavesNoLastInteractionInTheFuture() {
        String id = aliceApi.post("/api/contacts", "{\"name\": \"Still Talking\"}").text("id");
        Instant start = Instant.now().minusSeconds(3);

        // As scheduling published it before holding ended the interview: the end 35 minutes after the start.
        send(TestEvents.record(new InterviewHeld("i-running", id, start, 30, 35, true,
                start.plus(Duration.ofMinutes(35))), alice));
        awaitStage(id, "INTERVIEWED");

        Instant lastInteraction = Instant.parse(aliceApi.get("/api/contacts/" + id).json().path("lastInteractionAt").asString());
        assertThat(lastInteraction).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void anEventAboutAnotherMembersContactChangesNothing() {
        String id = aliceApi.post("/api/contacts", "{\"name\": \"Only Alice's\"}").text("id");
        Member bob = new Member("bob", alice.tenantId());
        ApiClient bobApi = ApiClient.at("http://127.0.0.1:" + port).as(bob.memberId(), bob.tenantId());
        String bobsMarker = bobApi.post("/api/contacts", "{\"name\": \"Bob's marker\"}").text("id");
        String alicesMarker = aliceApi.post("/api/contacts", "{\"name\": \"Alice's marker\"}").text("id");

        send(TestEvents.record(new InterviewScheduled("i-9", id, Instant.now(), 30, null, "UTC", "UTC"), bob));
        send(TestEvents.record(new InterviewScheduled("i-10", "unknown-" + id, Instant.now(), 30, null, "UTC", "UTC"), alice));
        // Markers after them, per member (each member's events keep their order on one partition).
        send(TestEvents.record(new InterviewScheduled("i-11", bobsMarker, Instant.now(), 30, null, "UTC", "UTC"), bob));
        send(TestEvents.record(new InterviewScheduled("i-12", alicesMarker, Instant.now(), 30, null, "UTC", "UTC"), alice));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(bobApi.get("/api/contacts/" + bobsMarker).text("stage")).isEqualTo("SCHEDULED");
            assertThat(aliceApi.get("/api/contacts/" + alicesMarker).text("stage")).isEqualTo("SCHEDULED");
        });
        assertThat(aliceApi.get("/api/contacts/" + id).text("stage")).isEqualTo("IDENTIFIED");
        assertThat(bobApi.get("/api/contacts/" + id).status()).isEqualTo(404);
    }

    @Test
    void aReferralBecomesOneNewContactReferredByTheFirstAndTheChainCanBeRead() {
        String grace = aliceApi.post("/api/contacts", "{\"name\": \"Grace Hopper\", \"employer\": \"Navy\"}").text("id");
        String referralId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> referral = TestEvents.record(new ReferralRecorded(referralId, "i-1", grace,
                "Jean Sammet", "IBM", "Programmer", true), alice);

        send(referral);
        send(TestEvents.record(new ReferralRecorded(referralId, "i-1", grace, "Jean Sammet", "IBM", "Programmer", true), alice));

        await().atMost(Duration.ofSeconds(30)).until(() -> aliceApi.get("/api/contacts?source=referral").json().path("items").size() == 1);
        JsonNode jean = aliceApi.get("/api/contacts?source=referral").json().path("items").get(0);
        assertThat(jean.path("name").asString()).isEqualTo("Jean Sammet");
        assertThat(jean.path("referredByContactId").asString()).isEqualTo(grace);
        assertThat(jean.path("mayUseReferrerName").asBoolean()).isTrue();
        String jeanId = jean.path("id").asString();
        events.await(ofType("ContactAdded", jeanId), Duration.ofSeconds(20));
        assertThat(new String(events.await(ofType("ContactAdded", jeanId), Duration.ofSeconds(5)).value(), StandardCharsets.UTF_8))
                .contains("\"referredByContactId\":\"" + grace + "\"");

        aliceApi.put("/api/contacts/" + jeanId + "/stage", "{\"stage\": \"OUTREACH_SENT\"}");
        JsonNode chain = aliceApi.get("/api/contacts/" + grace + "/referrals").json();
        assertThat(chain.path("referred").get(0).path("contact").path("name").asString()).isEqualTo("Jean Sammet");
        assertThat(chain.path("referred").get(0).path("contact").path("stage").asString()).isEqualTo("OUTREACH_SENT");
        JsonNode upward = aliceApi.get("/api/contacts/" + jeanId + "/referrals").json().path("referredBy");
        assertThat(upward.findValuesAsString("name")).containsExactly("Grace Hopper");
    }

    @Test
    void anInterviewScheduledWithAContactAnswersTheirOpenOutreachSoTheEmployersFollowUpsStop() {
        String lin = aliceApi.post("/api/contacts", "{\"name\": \"Lin Chen\", \"employer\": \"Northwind\"}").text("id");
        String outreachId = aliceApi.post("/api/contacts/" + lin + "/outreach", """
                {"channel": "email", "text": "Hi Lin", "sentAt": "2026-03-02T09:00:00Z", "memberTimeZone": "Europe/Berlin"}""")
                .json().path("outreach").path("id").asString();
        Instant agreedAt = Instant.parse("2026-03-05T10:00:00Z");
        ProducerRecord<String, byte[]> scheduled = TestEvents.record(new InterviewScheduled("i-nw", lin,
                Instant.parse("2026-03-12T14:00:00Z"), 30, null, "Europe/Berlin", "UTC"), alice, "sched-" + lin, agreedAt);

        send(scheduled);

        awaitStage(lin, "SCHEDULED");
        String replied = new String(events.await(ofType("OutreachReplied", outreachId), Duration.ofSeconds(20)).value(),
                StandardCharsets.UTF_8);
        assertThat(replied).contains("\"contactId\":\"" + lin + "\"", "\"employer\":\"Northwind\"",
                "\"outcome\":\"REPLIED\"", "\"latencyBusinessDays\":3", "\"repliedAt\":\"2026-03-05T10:00:00Z\"");
        JsonNode outreach = aliceApi.get("/api/contacts/" + lin).json().path("outreach").get(0);
        assertThat(outreach.path("status").asString()).isEqualTo("REPLIED");
        assertThat(aliceApi.get("/api/contacts/" + lin).text("responsiveness")).isEqualTo("QUICK");

        send(scheduled);
        String marker = aliceApi.post("/api/contacts", "{\"name\": \"Marker " + lin + "\"}").text("id");
        send(TestEvents.record(new InterviewScheduled("i-marker", marker, Instant.parse("2026-03-12T16:00:00Z"), 30, null,
                "UTC", "UTC"), alice));
        awaitStage(marker, "SCHEDULED");
        assertThat(events.readFor(Duration.ofMillis(500))).filteredOn(ofType("OutreachReplied", outreachId))
                .as("the redelivery answers nothing twice").hasSize(1);
    }

    private void send(ProducerRecord<String, byte[]> record) {
        producer.send(record).join();
    }

    private void awaitStage(String id, String stage) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(aliceApi.get("/api/contacts/" + id).text("stage")).isEqualTo(stage));
    }
}
