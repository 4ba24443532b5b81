package io.rapport.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.AlumniVolunteerRequested;
import io.rapport.events.ContactAdded;
import io.rapport.events.OutreachSent;
import io.rapport.events.Topics;
import io.rapport.platform.messaging.CloudEvents;
import io.rapport.test.ApiClient;
import io.rapport.test.EventsOnTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** Over-asked contacts and the alumni-volunteer directory. */
@InsightsServiceTest
class OrganizationSignalsIT {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aPersonApproachedByThreeMembersIn30DaysIsASignalThatNamesNoMember() {
        Tenant tenant = new Tenant(port, producer);
        Instant now = Instant.now();
        String[] members = {"ada", "bo", "cy"};
        for (int i = 0; i < members.length; i++) {
            // each member keeps the person under their own contact id, the e-mail written their own way
            String email = i == 1 ? "  Priya@Northwind.example " : "priya@northwind.example";
            tenant.publish(members[i], new ContactAdded("c-" + i, "Priya Raman", email, "Northwind Health", "PM", "alumni",
                    "UTC", null, now.minus(Duration.ofDays(3)), null));
            if (i < 2) {
                tenant.publish(members[i], new OutreachSent("o-" + i, "c-" + i, "Northwind Health", "email", "UTC",
                        now.minus(Duration.ofDays(2)), null));
            }
        }
        // someone approached long ago does not count
        tenant.publish("dee", new ContactAdded("c-9", "Priya Raman", "priya@northwind.example", "Northwind Health", "PM",
                "alumni", "UTC", null, now.minus(Duration.ofDays(60)), null),
                new OutreachSent("o-9", "c-9", "Northwind Health", "email", "UTC", now.minus(Duration.ofDays(45)), null));
        ApiClient admin = tenant.admin("dean");

        // cy is about to write: 2 others did
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tenant.member("cy")
                .get("/api/insights/contacts/c-2/outreach-note").json().path("othersInWindow").asInt()).isEqualTo(2));
        ApiClient.Response note = tenant.member("cy").get("/api/insights/contacts/c-2/outreach-note");
        assertThat(note.text("note")).startsWith("2 others from your organization wrote to this person");
        assertThat(note.raw().body()).doesNotContain("ada", "bo\"");
        assertThat(admin.get("/api/insights/admin/over-asked").json()).as("two members are not yet over-asking").isEmpty();

        tenant.publish("cy", new OutreachSent("o-2", "c-2", "Northwind Health", "email", "UTC", now.minus(Duration.ofDays(1)), null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(admin.get("/api/insights/admin/over-asked").json()).hasSize(1));
        JsonNode signal = admin.get("/api/insights/admin/over-asked").json().get(0);
        assertThat(signal.path("members").asInt()).isEqualTo(3);
        assertThat(signal.path("contactName").asString()).isEqualTo("Priya Raman");
        assertThat(signal.toString()).doesNotContain("ada", "\"bo\"", "cy", "priya@");
        // another tenant with the same person sees nothing of this one
        assertThat(tenant.as("dean", "uni-other-" + tenant.id.substring(4), "admin").get("/api/insights/admin/over-asked")
                .json()).isEmpty();
    }

    @Test
    void aPersonIsMatchedOnHerEmailOrHerLinkedInProfileAndKeptAsKeyedHashesOnly() {
        Tenant tenant = new Tenant(port, producer);
        Instant now = Instant.now();
        // ada knows only her e-mail, bo only her profile (written his own way), cy both
        String[][] known = {{"ada", "priya@northwind.example", null}, {"bo", null, "https://www.linkedin.com/in/Priya-R/?trk=x"},
                {"cy", "Priya@Northwind.example", "linkedin.com/in/priya-r"}};
        for (String[] member : known) {
            tenant.publish(member[0], new ContactAdded("c-" + member[0], "Priya Raman", member[1], "Northwind Health", "PM",
                    "alumni", "UTC", null, now.minus(Duration.ofDays(3)), member[2]),
                    new OutreachSent("o-" + member[0], "c-" + member[0], "Northwind Health", "email", "UTC",
                            now.minus(Duration.ofDays(2)), null));
        }
        ApiClient admin = tenant.admin("dean");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(admin.get("/api/insights/admin/over-asked").json().findValuesAsString("contactName"))
                        .as("one person, once").containsExactly("Priya Raman"));
        assertThat(admin.get("/api/insights/admin/over-asked").json().get(0).path("members").asInt()).isEqualTo(3);
        assertThat(tenant.member("bo").get("/api/insights/contacts/c-bo/outreach-note").json().path("othersInWindow").asInt())
                .as("bo knows the profile only: ada wrote under the e-mail, cy under both").isEqualTo(2);

        String stored = mongo.getCollection("contact_fingerprints").find(new Document("tenantId", tenant.id))
                .into(new ArrayList<>()).toString() + mongo.getCollection("approaches")
                .find(new Document("tenantId", tenant.id)).into(new ArrayList<>());
        assertThat(stored).contains("Priya Raman").doesNotContainIgnoringCase("priya@").doesNotContainIgnoringCase("priya-r")
                .doesNotContainIgnoringCase("linkedin");
    }

    @Test
    void aVolunteersMonthlyCapRefusesTheRequestOverItWithAClearMessage() {
        Tenant tenant = new Tenant(port, producer);
        ApiClient admin = tenant.admin("dean");
        ApiClient.Response registered = admin.post("/api/insights/admin/volunteers", """
                {"name": "Lin Okafor", "email": "lin@orbit.example", "employer": "Orbit Energy", "role": "Engineer",
                 "industry": "Energy", "topics": ["grid storage", "career switch"], "monthlyCap": 2}""");
        assertThat(registered.status()).isEqualTo(201);
        String volunteer = registered.text("id");
        ApiClient.Response invalid = admin.post("/api/insights/admin/volunteers",
                "{\"name\": \"X\", \"email\": \"not-an-address\", \"monthlyCap\": 0}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("email", "monthlyCap");

        JsonNode directory = tenant.member("ada").get("/api/insights/volunteers").json();
        assertThat(directory.get(0).path("requestsLeftThisMonth").asInt()).isEqualTo(2);
        assertThat(directory.toString()).as("members see no e-mail before asking").doesNotContain("lin@orbit.example");

        ApiClient.Response first = tenant.member("ada").post("/api/insights/volunteers/" + volunteer + "/requests", "");
        assertThat(first.status()).isEqualTo(201);
        assertThat(tenant.member("ada").post("/api/insights/volunteers/" + volunteer + "/requests", "").status())
                .as("asking twice in a month").isEqualTo(409);
        assertThat(tenant.member("bo").post("/api/insights/volunteers/" + volunteer + "/requests", "").status()).isEqualTo(201);
        ApiClient.Response full = tenant.member("cy").post("/api/insights/volunteers/" + volunteer + "/requests", "");

        assertThat(full.status()).isEqualTo(409);
        assertThat(full.contentType()).startsWith("application/problem+json");
        assertThat(full.text("detail")).startsWith("Lin Okafor has already received this month's 2 requests and takes new ones from");
        assertThat(tenant.member("cy").get("/api/insights/volunteers").json().get(0).path("requestsLeftThisMonth").asInt()).isZero();
        assertThat(tenant.member("cy").post("/api/insights/volunteers/unknown/requests", "").status()).isEqualTo(404);

        try (EventsOnTopic events = new EventsOnTopic(kafka, Topics.INSIGHTS)) {
            ConsumerRecord<String, byte[]> requested = events.await(EventsOnTopic.ofType("AlumniVolunteerRequested",
                    first.text("requestId")), Duration.ofSeconds(30));
            assertThat(requested.key()).isEqualTo("ada");
            AlumniVolunteerRequested event = (AlumniVolunteerRequested) CloudEvents.read(requested).payload();
            assertThat(event.email()).isEqualTo("lin@orbit.example");
            assertThat(event.employer()).isEqualTo("Orbit Energy");
        }
    }
}
