package io.rapport.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.AlumniVolunteerRequested;
import io.rapport.platform.domain.Member;
import io.rapport.test.ApiClient;
import io.rapport.test.ServiceIntegrationTest;
import io.rapport.test.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** An alumni volunteer the member asked for a conversation (insights-service) becomes their contact, source alumni, once. */
@ServiceIntegrationTest
class AlumniVolunteerIT {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    @Test
    void aRequestedVolunteerBecomesAnAlumniContactOnce() {
        Member ada = new Member("ada", "uni-" + UUID.randomUUID());
        ApiClient api = ApiClient.at("http://127.0.0.1:" + port).as(ada.memberId(), ada.tenantId());
        ProducerRecord<String, byte[]> requested = TestEvents.record(new AlumniVolunteerRequested("r-1", "v-1",
                "Lin Okafor", "lin@orbit.example", "Orbit Energy", "Engineer", "Energy", Instant.now()), ada, "request-r-1");

        producer.send(requested).join();
        producer.send(requested).join();
        // a marker after the redelivery: once it is there, the redelivery has been handled
        producer.send(TestEvents.record(new AlumniVolunteerRequested("r-2", "v-2", "Marker Volunteer",
                "marker@example.org", null, null, null, Instant.now()), ada)).join();

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/contacts?q=Marker").json().path("items").size() == 1);
        JsonNode found = api.get("/api/contacts?q=Okafor").json().path("items");
        assertThat(found).hasSize(1);
        JsonNode contact = api.get("/api/contacts/" + found.get(0).path("id").asString()).json();
        assertThat(contact.path("source").asString()).isEqualToIgnoringCase("alumni");
        assertThat(contact.path("email").asString()).isEqualTo("lin@orbit.example");
        assertThat(contact.path("role").asString()).isEqualTo("Engineer");
    }
}
