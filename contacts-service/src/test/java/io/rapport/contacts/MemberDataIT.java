package io.rapport.contacts;

import static io.rapport.test.EventsOnTopic.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.MemberDataErased;
import io.rapport.events.ReferralRecorded;
import io.rapport.events.Topics;
import io.rapport.platform.messaging.CloudEventHeaders;
import io.rapport.platform.domain.Member;
import io.rapport.test.ApiClient;
import io.rapport.test.EventsOnTopic;
import io.rapport.test.ServiceIntegrationTest;
import io.rapport.test.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** A member exports all of their contacts-service data, and erases it. */
@ServiceIntegrationTest
class MemberDataIT {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    @Autowired
    MongoTemplate mongo;

    private String tenant;
    private ApiClient alice;
    private ApiClient bob;
    private EventsOnTopic events;

    @BeforeEach
    void setUp() {
        tenant = "uni-" + UUID.randomUUID();
        alice = ApiClient.at("http://127.0.0.1:" + port).as("alice", tenant);
        bob = ApiClient.at("http://127.0.0.1:" + port).as("bob", tenant);
        events = new EventsOnTopic(kafka, Topics.CONTACTS);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void theExportHoldsEveryContactEmployerTemplateOutreachAndTouchOfTheMemberOnly() {
        String contact = alice.post("/api/contacts", "{\"name\": \"Grace Hopper\", \"employer\": \"Navy\", \"source\": \"alumni\"}").text("id");
        alice.post("/api/employers", "{\"name\": \"Navy\", \"motivation\": 3, \"posting\": 2}");
        alice.post("/api/templates", "{\"name\": \"Intro\", \"body\": \"Hi {{firstName}}\"}");
        alice.post("/api/contacts/" + contact + "/outreach", "{\"channel\": \"email\", \"text\": \"Hi Grace\"}");
        alice.post("/api/contacts/" + contact + "/touches", "{\"kind\": \"coffee\"}");
        bob.post("/api/contacts", "{\"name\": \"Bob's contact\"}");

        JsonNode export = alice.get("/api/me/export").json();

        assertThat(export.path("memberId").asString()).isEqualTo("alice");
        assertThat(export.path("contacts").findValuesAsString("name")).containsExactly("Grace Hopper");
        assertThat(export.path("contacts").get(0).path("outreach").get(0).path("text").asString()).isEqualTo("Hi Grace");
        assertThat(export.path("contacts").get(0).path("touches").get(0).path("kind").asString()).isEqualTo("COFFEE");
        assertThat(export.path("employers").get(0).path("advocacy").asBoolean()).isTrue();
        assertThat(export.path("templates").findValuesAsString("name")).containsExactly("Intro");
    }

    @Test
    void erasingTheAccountAnnouncesMemberDataErasedAndDeletesAllOfTheMembersDataHere() {
        String contact = alice.post("/api/contacts", "{\"name\": \"Grace Hopper\"}").text("id");
        alice.post("/api/employers", "{\"name\": \"Navy\"}");
        alice.post("/api/templates", "{\"name\": \"Intro\", \"body\": \"Hi {{firstName}}\"}");
        String bobsContact = bob.post("/api/contacts", "{\"name\": \"Bob's contact\"}").text("id");

        ApiClient.Response erased = alice.delete("/api/me");

        assertThat(erased.status()).as(erased.toString()).isEqualTo(202);
        ConsumerRecord<String, byte[]> event = events.await(ofType("MemberDataErased", "alice")
                .and(record -> tenant.equals(EventsOnTopic.header(record, CloudEventHeaders.TENANT))), Duration.ofSeconds(20));
        assertThat(event.key()).isEqualTo("alice");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(alice.get("/api/contacts/" + contact).status()).isEqualTo(404);
            assertThat(alice.get("/api/me/export").json().path("employers").size()).isZero();
            assertThat(alice.get("/api/templates").json().size()).isZero();
            assertThat(mongo.count(Query.query(Criteria.where("tenantId").is(tenant).and("memberId").is("alice")),
                    "member_erasures")).isZero();
        });
        assertThat(bob.get("/api/contacts/" + bobsContact).status()).as("only alice's data").isEqualTo(200);
    }

    @Test
    void aRedeliveredErasureIsHarmlessAndTouchesNoOtherMember() {
        Member carol = new Member("carol", tenant);
        Member erin = new Member("erin", tenant);
        ApiClient carolApi = ApiClient.at("http://127.0.0.1:" + port).as(carol.memberId(), carol.tenantId());
        ApiClient erinApi = ApiClient.at("http://127.0.0.1:" + port).as(erin.memberId(), erin.tenantId());
        String bobsContact = bob.post("/api/contacts", "{\"name\": \"Bob's contact\"}").text("id");
        carolApi.post("/api/contacts", "{\"name\": \"First\"}");
        erinApi.post("/api/contacts", "{\"name\": \"Erin's contact\"}");
        String eventId = "erase-" + UUID.randomUUID();

        producer.send(TestEvents.record(new MemberDataErased("carol", Instant.now()), carol, eventId)).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> carolApi.get("/api/contacts").json().path("items").isEmpty());
        producer.send(TestEvents.record(new MemberDataErased("carol", Instant.now()), carol, eventId)).join();
        // Erin's erasure on carol's partition comes after the redelivery: once it is applied, so was the redelivery.
        ProducerRecord<String, byte[]> erinsErasure = TestEvents.record(new MemberDataErased("erin", Instant.now()), erin);
        producer.send(new ProducerRecord<>(erinsErasure.topic(), null, "carol", erinsErasure.value(), erinsErasure.headers())).join();

        await().atMost(Duration.ofSeconds(30)).until(() -> erinApi.get("/api/contacts").json().path("items").isEmpty());
        assertThat(mongo.count(Query.query(Criteria.where("tenantId").is(tenant).and("memberId").is("carol")), Document.class, "contacts"))
                .isZero();
        assertThat(bob.get("/api/contacts/" + bobsContact).status()).isEqualTo(200);
    }

    @Test
    void aReferralFromBeforeTheErasureRedeliveredAfterItBringsNoContactBack() {
        Member dana = new Member("dana", tenant);
        ApiClient danaApi = ApiClient.at("http://127.0.0.1:" + port).as(dana.memberId(), dana.tenantId());
        String grace = danaApi.post("/api/contacts", "{\"name\": \"Grace Hopper\"}").text("id");
        String referralEventId = UUID.randomUUID().toString();
        Instant recordedAt = Instant.now();
        ReferralRecorded referral = new ReferralRecorded(UUID.randomUUID().toString(), "i-1", grace, "Jean Sammet", "IBM",
                "Programmer", true);
        producer.send(TestEvents.record(referral, dana, referralEventId, recordedAt)).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> danaApi.get("/api/contacts").json().path("items").size() == 2);

        Instant erasedAt = Instant.now();
        producer.send(TestEvents.record(new MemberDataErased("dana", erasedAt), dana, "erase-" + UUID.randomUUID(),
                erasedAt)).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> danaApi.get("/api/contacts").json().path("items").isEmpty());

        producer.send(TestEvents.record(referral, dana, referralEventId, recordedAt)).join();
        // A referral from after the erasure is hers: once it is a contact, the replay before it has been handled.
        producer.send(TestEvents.record(new ReferralRecorded(UUID.randomUUID().toString(), "i-2", null, "Frances Allen",
                "IBM", null, false), dana)).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> danaApi.get("/api/contacts").json().path("items")
                .findValuesAsString("name").contains("Frances Allen"));
        assertThat(danaApi.get("/api/contacts").json().path("items").findValuesAsString("name"))
                .containsExactly("Frances Allen");
    }
}
