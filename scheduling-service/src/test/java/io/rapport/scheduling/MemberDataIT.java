package io.rapport.scheduling;

import static io.rapport.scheduling.SchedulingTestSupport.knownContact;
import static io.rapport.scheduling.SchedulingTestSupport.proposal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.ContactAdded;
import io.rapport.events.MemberDataErased;
import io.rapport.platform.domain.Member;
import io.rapport.test.ApiClient;
import io.rapport.test.ServiceIntegrationTest;
import io.rapport.test.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

/** MemberDataErased from the contacts service deletes all of the member's scheduling data, once. */
@ServiceIntegrationTest
class MemberDataIT {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    @Autowired
    MongoTemplate mongo;

    @Test
    void everythingOfTheMemberIsDeletedOnceAndOtherMembersKeepTheirs() {
        String tenant = "uni-" + UUID.randomUUID();
        Member alice = new Member("alice", tenant);
        Member bob = new Member("bob", tenant);
        ApiClient aliceApi = ApiClient.at("http://127.0.0.1:" + port).as("alice", tenant);
        ApiClient bobApi = ApiClient.at("http://127.0.0.1:" + port).as("bob", tenant);
        String start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(8)).plus(Duration.ofHours(10)).toString();

        String contact = knownContact(producer, aliceApi, alice, "Ada Lovelace", "Europe/London");
        String interview = aliceApi.post("/api/interviews", proposal(contact, start)).text("id");
        aliceApi.post("/api/interviews/" + interview + "/schedule", "{\"start\": \"" + start + "\"}");
        aliceApi.put("/api/interviews/" + interview + "/question-plan", "{\"items\": [{\"questionId\": \"seed-1\"}]}");
        String question = aliceApi.post("/api/questions", "{\"text\": \"What does a good week look like?\", \"category\": \"DAY_TO_DAY\"}").text("id");
        String feedUrl = aliceApi.post("/api/calendar/feeds", "").text("url");
        String bobsContact = knownContact(producer, bobApi, bob, "Bob's Contact", "Europe/Paris");
        String bobsInterview = bobApi.post("/api/interviews", proposal(bobsContact, start)).text("id");
        assertThat(ApiClient.at("http://127.0.0.1:" + port).get(feedUrl).status()).isEqualTo(200);

        String eventId = "erase-" + UUID.randomUUID();
        Instant erasedAt = Instant.now();
        producer.send(TestEvents.record(new MemberDataErased("alice", erasedAt), alice, eventId, erasedAt)).join();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(aliceApi.get("/api/interviews").json().size()).isZero());
        assertThat(aliceApi.get("/api/interviews/" + interview).status()).isEqualTo(404);
        assertThat(aliceApi.get("/api/scheduling/contacts/" + contact).status()).isEqualTo(404);
        assertThat(aliceApi.get("/api/questions").json().findValuesAsString("id")).doesNotContain(question);
        assertThat(ApiClient.at("http://127.0.0.1:" + port).get(feedUrl).status()).isEqualTo(404);
        Query ofAlice = Query.query(Criteria.where("tenantId").is(tenant).and("memberId").is("alice"));
        for (String collection : new String[] {"interviews", "known_contacts", "questions", "calendar_feeds"}) {
            assertThat(mongo.count(ofAlice, collection)).as(collection).isZero();
        }
        assertThat(bobApi.get("/api/interviews/" + bobsInterview).status()).isEqualTo(200);
        assertThat(bobApi.get("/api/scheduling/contacts/" + bobsContact).status()).isEqualTo(200);

        // Alice starts again; the same erasure request delivered a second time must not touch her new data.
        String newContact = knownContact(producer, aliceApi, alice, "New Start", "Europe/Rome");
        producer.send(TestEvents.record(new MemberDataErased("alice", erasedAt), alice, eventId, erasedAt)).join();
        String marker = UUID.randomUUID().toString();
        producer.send(TestEvents.record(new ContactAdded(marker, "After The Redelivery", null, "Acme", null, "OTHER",
                "Europe/Rome", null, Instant.now(), null), alice)).join();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(aliceApi.get("/api/scheduling/contacts/" + marker).status()).isEqualTo(200));
        assertThat(aliceApi.get("/api/scheduling/contacts/" + newContact).status())
                .as("a redelivered erasure has no second effect").isEqualTo(200);
        assertThat(mongo.findById(tenant + "/alice", Document.class, "erased_members"))
                .as("the erasure marker").isNotNull();
    }

    @Test
    void anEventFromBeforeTheErasureDeliveredAfterItBringsNothingBack() {
        String tenant = "uni-" + UUID.randomUUID();
        Member alice = new Member("alice", tenant);
        ApiClient aliceApi = ApiClient.at("http://127.0.0.1:" + port).as("alice", tenant);
        String contact = UUID.randomUUID().toString();
        String addedEventId = UUID.randomUUID().toString();
        Instant addedAt = Instant.now();
        ContactAdded added = new ContactAdded(contact, "Grace Hopper", "grace@example.org", "Navy", "Admiral", "ALUMNI",
                "America/New_York", null, addedAt, null);
        producer.send(TestEvents.record(added, alice, addedEventId, addedAt)).join();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(aliceApi.get("/api/scheduling/contacts/" + contact).status()).isEqualTo(200));

        Instant erasedAt = Instant.now();
        producer.send(TestEvents.record(new MemberDataErased("alice", erasedAt), alice, "erase-" + UUID.randomUUID(),
                erasedAt)).join();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(aliceApi.get("/api/scheduling/contacts/" + contact).status()).isEqualTo(404));

        // The broker redelivers the old ContactAdded, and another one from before the erasure arrives late.
        producer.send(TestEvents.record(added, alice, addedEventId, addedAt)).join();
        String late = UUID.randomUUID().toString();
        producer.send(TestEvents.record(new ContactAdded(late, "Late Arrival", null, "Navy", null, "OTHER", null, null,
                addedAt, null), alice, UUID.randomUUID().toString(), addedAt.plusMillis(1))).join();
        // Then she starts again: her events from after the erasure are hers.
        String afterwards = UUID.randomUUID().toString();
        producer.send(TestEvents.record(new ContactAdded(afterwards, "New Start", null, "Acme", null, "OTHER", null,
                null, Instant.now(), null), alice)).join();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(aliceApi.get("/api/scheduling/contacts/" + afterwards).status()).isEqualTo(200));
        assertThat(aliceApi.get("/api/scheduling/contacts/" + contact).status()).as("the redelivered contact").isEqualTo(404);
        assertThat(aliceApi.get("/api/scheduling/contacts/" + late).status()).as("the late contact").isEqualTo(404);
    }
}
