package io.rapport.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.ContactAdded;
import io.rapport.events.ContactUpdated;
import io.rapport.events.Topics;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.CloudEventHeaders;
import io.rapport.test.ApiClient;
import io.rapport.test.EventsOnTopic;
import io.rapport.test.ServiceIntegrationTest;
import io.rapport.test.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** Scheduling's own copy of the member's contacts, fed only by contacts events on Kafka. */
@ServiceIntegrationTest
class ContactReadModelIT {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    @Autowired
    MongoTemplate mongo;

    private Member alice;
    private ApiClient aliceApi;

    @BeforeEach
    void newMember() {
        alice = new Member("alice", "uni-" + UUID.randomUUID());
        aliceApi = ApiClient.at("http://127.0.0.1:" + port).as(alice.memberId(), alice.tenantId());
    }

    @Test
    void addedAndUpdatedContactsAppearInTheReadModel() {
        String id = UUID.randomUUID().toString();
        send(TestEvents.record(added(id, "Ada Lovelace", "Analytical Engines"), alice));
        awaitName(id, "Ada Lovelace");

        send(TestEvents.record(new ContactUpdated(id, "Ada King", "ada@example.com", "Analytical Engines",
                "Mathematician", "ALUMNI", "Europe/London", "IDENTIFIED", List.of("name"), Instant.now(), null), alice));

        awaitName(id, "Ada King");
        ApiClient.Response contact = aliceApi.get("/api/scheduling/contacts/" + id);
        assertThat(contact.text("timeZone")).isEqualTo("Europe/London");
        assertThat(contact.json().path("canBeInvited").asBoolean()).isTrue();
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = TestEvents.record(added(id, "Twice Delivered", "Acme"), alice, "event-" + id);

        send(record);
        send(TestEvents.record(added(id, "Twice Delivered", "Acme"), alice, "event-" + id));
        send(TestEvents.record(new ContactUpdated(id, "Once Updated", null, "Acme", null, "OTHER", null, "IDENTIFIED",
                List.of("name"), Instant.now(), null), alice));

        awaitName(id, "Once Updated");
        Document stored = mongo.findById(id, Document.class, "known_contacts");
        assertThat(stored.getInteger("revision")).as("one ContactAdded and one ContactUpdated applied").isEqualTo(2);
    }

    @Test
    void aMemberSeesOnlyTheirOwnContacts() {
        Member bob = new Member("bob", alice.tenantId());
        String alices = UUID.randomUUID().toString();
        send(TestEvents.record(added(alices, "Alice's Contact", "Acme"), alice));
        awaitName(alices, "Alice's Contact");
        ApiClient bobApi = ApiClient.at("http://127.0.0.1:" + port).as(bob.memberId(), bob.tenantId());
        ApiClient otherTenant = ApiClient.at("http://127.0.0.1:" + port).as("alice", "another-" + alice.tenantId());

        assertThat(bobApi.get("/api/scheduling/contacts/" + alices).status()).isEqualTo(404);
        assertThat(otherTenant.get("/api/scheduling/contacts/" + alices).status()).isEqualTo(404);
        assertThat(bobApi.get("/api/scheduling/contacts").json().size()).isZero();
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheNextOneIsStillApplied() {
        String poisonId = "poison-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> poison = TestEvents.record(added("c-x", "x", "x"), alice, poisonId);
        send(new ProducerRecord<>(poison.topic(), null, poison.key(), "{not json".getBytes(StandardCharsets.UTF_8), poison.headers()));
        String next = UUID.randomUUID().toString();
        send(TestEvents.record(added(next, "After The Poison", "Acme"), alice));

        awaitName(next, "After The Poison");
        try (EventsOnTopic deadLetters = new EventsOnTopic(kafka, Topics.deadLetter(Topics.CONTACTS))) {
            ConsumerRecord<String, byte[]> parked = deadLetters.await(
                    r -> poisonId.equals(EventsOnTopic.header(r, CloudEventHeaders.ID)), Duration.ofSeconds(30));
            assertThat(EventsOnTopic.header(parked, "kafka_dlt-exception-message")).contains("Unreadable ContactAdded");
            assertThat(EventsOnTopic.header(parked, "kafka_dlt-original-topic")).isEqualTo(Topics.CONTACTS);
            assertThat(new String(parked.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        }
    }

    @Test
    void aRecordThatKeepsFailingIsRetriedThenParkedAndTheNextOneIsStillApplied() {
        String failingId = "failing-" + UUID.randomUUID();
        send(TestEvents.record(added(UUID.randomUUID().toString(), null, "Acme"), alice, failingId));
        String next = UUID.randomUUID().toString();
        send(TestEvents.record(added(next, "After The Failure", "Acme"), alice));

        awaitName(next, "After The Failure");
        try (EventsOnTopic deadLetters = new EventsOnTopic(kafka, Topics.deadLetter(Topics.CONTACTS))) {
            ConsumerRecord<String, byte[]> parked = deadLetters.await(
                    r -> failingId.equals(EventsOnTopic.header(r, CloudEventHeaders.ID)), Duration.ofSeconds(30));
            assertThat(EventsOnTopic.header(parked, "kafka_dlt-exception-message")).contains("without a name");
            assertThat(EventsOnTopic.header(parked, "kafka_dlt-original-consumer-group")).isEqualTo("scheduling-service");
        }
    }

    private void send(ProducerRecord<String, byte[]> record) {
        producer.send(record).join();
    }

    private void awaitName(String id, String name) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(aliceApi.get("/api/scheduling/contacts/" + id).text("name")).isEqualTo(name));
    }

    static ContactAdded added(String id, String name, String employer) {
        return new ContactAdded(id, name, null, employer, "Engineer", "LINKEDIN", "Europe/Berlin", null, Instant.now(), null);
    }
}
