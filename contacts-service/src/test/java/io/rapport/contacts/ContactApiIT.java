package io.rapport.contacts;

import static io.rapport.test.EventsOnTopic.header;
import static io.rapport.test.EventsOnTopic.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.events.Topics;
import io.rapport.platform.messaging.CloudEventHeaders;
import io.rapport.test.ApiClient;
import io.rapport.test.EventsOnTopic;
import io.rapport.test.ServiceIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The contacts API over HTTP, with its events read back from the real Kafka topic. */
@ServiceIntegrationTest
class ContactApiIT {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    private String tenant;
    private ApiClient alice;
    private ApiClient bob;
    private EventsOnTopic events;

    @BeforeEach
    void setUp() {
        // A fresh member per test keeps the tests independent on one shared database.
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
    void aNewContactIsStoredAndAnnouncedAsContactAdded() {
        ApiClient.Response created = alice.header("X-Request-Id", "req-create-1").post("/api/contacts", """
                {"name": "Grace Hopper", "email": "grace@navy.example", "employer": "US Navy",
                 "role": "Rear Admiral", "source": "alumni", "timeZone": "America/New_York"}
                """);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.header("Location")).isEqualTo("/api/contacts/" + id);
        assertThat(created.text("stage")).isEqualTo("IDENTIFIED");
        assertThat(created.text("source")).isEqualTo("ALUMNI");

        ApiClient.Response read = alice.get("/api/contacts/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("name")).isEqualTo("Grace Hopper");
        assertThat(read.text("employer")).isEqualTo("US Navy");

        ConsumerRecord<String, byte[]> event = events.await(ofType("ContactAdded", id), Duration.ofSeconds(20));
        assertThat(event.key()).isEqualTo("alice");
        assertThat(header(event, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(event, CloudEventHeaders.SOURCE)).isEqualTo("/rapport/contacts-service");
        assertThat(header(event, CloudEventHeaders.MEMBER)).isEqualTo("alice");
        assertThat(header(event, CloudEventHeaders.CORRELATION)).isEqualTo("req-create-1");
        assertThat(new String(event.value(), StandardCharsets.UTF_8))
                .contains("\"name\":\"Grace Hopper\"", "\"email\":\"grace@navy.example\"", "\"source\":\"ALUMNI\"");
    }

    @Test
    void anUpdateIsStoredAndAnnouncedWithTheFieldsThatChanged() {
        String id = alice.post("/api/contacts", "{\"name\": \"Katherine Johnson\", \"employer\": \"NACA\"}").text("id");

        ApiClient.Response updated = alice.put("/api/contacts/" + id,
                "{\"name\": \"Katherine Johnson\", \"employer\": \"NASA\", \"role\": \"Mathematician\"}");

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.text("employer")).isEqualTo("NASA");
        assertThat(updated.json().path("version").asLong()).isEqualTo(2);
        ConsumerRecord<String, byte[]> event = events.await(ofType("ContactUpdated", id), Duration.ofSeconds(20));
        assertThat(new String(event.value(), StandardCharsets.UTF_8))
                .contains("\"employer\":\"NASA\"", "\"changedFields\":[\"employer\",\"role\"]");
    }

    @Test
    void aMemberSeesOnlyTheirOwnContacts() {
        String aliceContact = alice.post("/api/contacts", "{\"name\": \"Only Alice's\"}").text("id");
        bob.post("/api/contacts", "{\"name\": \"Only Bob's\"}");

        assertThat(bob.get("/api/contacts/" + aliceContact).status()).isEqualTo(404);
        assertThat(bob.put("/api/contacts/" + aliceContact, "{\"name\": \"Hijacked\"}").status()).isEqualTo(404);
        assertThat(bob.get("/api/contacts").json().path("items").findValuesAsString("name")).containsExactly("Only Bob's");
        assertThat(alice.get("/api/contacts/" + aliceContact).text("name")).isEqualTo("Only Alice's");
    }

    @Test
    void listsPageInCreationOrderWithACursor() {
        for (int i = 1; i <= 5; i++) {
            alice.post("/api/contacts", "{\"name\": \"Contact " + i + "\"}");
        }

        ApiClient.Response first = alice.get("/api/contacts?limit=2");
        ApiClient.Response second = alice.get("/api/contacts?limit=2&after=" + first.text("nextCursor"));
        ApiClient.Response last = alice.get("/api/contacts?limit=2&after=" + second.text("nextCursor"));

        assertThat(first.json().path("items").findValuesAsString("name")).containsExactly("Contact 1", "Contact 2");
        assertThat(second.json().path("items").findValuesAsString("name")).containsExactly("Contact 3", "Contact 4");
        assertThat(last.json().path("items").findValuesAsString("name")).containsExactly("Contact 5");
        assertThat(last.json().path("nextCursor").isNull()).isTrue();
        assertThat(alice.get("/api/contacts?limit=0").status()).isEqualTo(400);
    }

    @Test
    void badInputIsRefusedWithTheFieldAtFaultAndNothingIsStoredOrAnnounced() {
        String marker = "Marker " + UUID.randomUUID();
        assertField(alice.post("/api/contacts", "{\"email\": \"no-name@example.com\"}"), "name");
        assertField(alice.post("/api/contacts", "{\"name\": \"Ada\", \"email\": \"not-an-email\"}"), "email");
        assertField(alice.post("/api/contacts", "{\"name\": \"Ada\", \"source\": \"carrier pigeon\"}"), "source");
        assertField(alice.post("/api/contacts", "{\"name\": \"Ada\", \"timeZone\": \"Mars/Olympus\"}"), "timeZone");
        assertField(alice.post("/api/contacts", "{\"name\": {\"$ne\": null}}"), "name");
        assertField(alice.post("/api/contacts", "{\"name\": \"Ada\", \"$set\": {\"memberId\": \"bob\"}}"), "$set");
        assertField(alice.post("/api/contacts", "{\"name\": \"Ada\", \"memberId\": \"bob\"}"), "memberId");
        ApiClient.Response malformed = alice.post("/api/contacts", "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        alice.post("/api/contacts", "{\"name\": \"" + marker + "\"}");
        assertThat(alice.get("/api/contacts").json().path("items").findValuesAsString("name")).containsExactly(marker);
        events.await(record -> new String(record.value(), StandardCharsets.UTF_8).contains(marker), Duration.ofSeconds(20));
        assertThat(events.readFor(Duration.ofMillis(500)))
                .noneMatch(record -> "alice".equals(record.key()) && tenant.equals(header(record, CloudEventHeaders.TENANT)) && !new String(record.value(), StandardCharsets.UTF_8).contains(marker));
    }

    @Test
    void aDuplicateIsRefusedWithTheExistingContactsIdAndEmitsNothing() {
        String id = alice.post("/api/contacts",
                "{\"name\": \"Margaret Hamilton\", \"email\": \"margaret@mit.example\", \"employer\": \"MIT\"}").text("id");

        ApiClient.Response sameEmail = alice.post("/api/contacts", "{\"name\": \"M. Hamilton\", \"email\": \"MARGARET@mit.example\"}");
        ApiClient.Response sameNameAndEmployer = alice.post("/api/contacts", "{\"name\": \"margaret  hamilton\", \"employer\": \"mit\"}");

        for (ApiClient.Response duplicate : new ApiClient.Response[] {sameEmail, sameNameAndEmployer}) {
            assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
            assertThat(duplicate.contentType()).startsWith("application/problem+json");
            assertThat(duplicate.text("existingContactId")).isEqualTo(id);
        }
        String other = alice.post("/api/contacts", "{\"name\": \"Mary Hamilton\", \"email\": \"mary@mit.example\"}").text("id");
        ApiClient.Response emailTaken = alice.put("/api/contacts/" + other,
                "{\"name\": \"Mary Hamilton\", \"email\": \"Margaret@MIT.example\"}");
        assertThat(emailTaken.status()).as("an update that takes another contact's e-mail: " + emailTaken).isEqualTo(409);
        assertThat(emailTaken.text("existingContactId")).isEqualTo(id);
        assertThat(alice.get("/api/contacts/" + other).text("email")).isEqualTo("mary@mit.example");
        assertThat(bob.post("/api/contacts", "{\"name\": \"Margaret Hamilton\", \"email\": \"margaret@mit.example\"}").status())
                .as("another member may know the same person").isEqualTo(201);
        events.await(ofType("ContactAdded", other), Duration.ofSeconds(20));
        assertThat(events.readFor(Duration.ofMillis(500)))
                .filteredOn(record -> tenant.equals(header(record, CloudEventHeaders.TENANT)) && "alice".equals(record.key()))
                .as("the two contacts added, nothing for the refused ones").hasSize(2);
    }

    @Test
    void requestsWithoutAMemberAreUnauthorized() {
        ApiClient.Response anonymous = ApiClient.at("http://127.0.0.1:" + port).get("/api/contacts");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.text("title")).isEqualTo("Not authenticated");
    }

    @Test
    void healthReportsKafkaAndMongo() {
        ApiClient.Response health = ApiClient.at("http://127.0.0.1:" + port).get("/actuator/health");

        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().path("components").path("kafka").path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").path("mongo").path("status").asString()).isEqualTo("UP");
        assertThat(ApiClient.at("http://127.0.0.1:" + port).get("/actuator/prometheus").status()).isEqualTo(200);
    }

    private static void assertField(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsString("field")).contains(field);
    }
}
