package io.rapport.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.ContactAdded;
import io.rapport.events.ContactArchived;
import io.rapport.platform.domain.Member;
import io.rapport.test.ApiClient;
import io.rapport.test.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.kafka.core.KafkaTemplate;

/** Contacts put into scheduling's read model the only way they get there: as events from the contacts service. */
final class SchedulingTestSupport {

    private SchedulingTestSupport() {
    }

    static String knownContact(KafkaTemplate<String, byte[]> producer, ApiClient api, Member member, String name,
            String timeZone) {
        String id = UUID.randomUUID().toString();
        producer.send(TestEvents.record(new ContactAdded(id, name, null, "Analytical Engines", "Engineer", "ALUMNI",
                timeZone, null, Instant.now(), null), member)).join();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/api/scheduling/contacts/" + id).status()).isEqualTo(200));
        return id;
    }

    static void archive(KafkaTemplate<String, byte[]> producer, ApiClient api, Member member, String contactId) {
        producer.send(TestEvents.record(new ContactArchived(contactId, "moved on", Instant.now()), member)).join();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/api/scheduling/contacts/" + contactId).json().path("archived").asBoolean()).isTrue());
    }

    static String proposal(String contactId, String... starts) {
        StringBuilder slots = new StringBuilder();
        for (String start : starts) {
            slots.append(slots.isEmpty() ? "" : ",").append("{\"start\": \"").append(start).append("\", \"minutes\": 30}");
        }
        return """
                {"contactId": "%s", "objective": "Learn how Ada moved from research into product management.",
                 "slots": [%s],
                 "format": {"kind": "VIDEO", "platform": "ZOOM", "link": "https://zoom.us/j/987654321"},
                 "memberTimeZone": "Europe/Berlin", "contactTimeZone": "America/New_York"}
                """.formatted(contactId, slots);
    }
}
