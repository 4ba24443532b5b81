package io.rapport.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.events.AdvisorNudged;
import io.rapport.events.SharingChanged;
import io.rapport.events.Topics;
import io.rapport.platform.messaging.CloudEvents;
import io.rapport.test.ApiClient;
import io.rapport.test.EventsOnTopic;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

/** Sharing changes and nudges are events on rapport.insights, keyed by the member they concern. */
@InsightsServiceTest
class InsightsEventsIT {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    @Test
    void aSharingChangeAndANudgeArePublished() {
        Tenant tenant = new Tenant(port, producer);
        ApiClient admin = tenant.admin("dean");
        admin.put("/api/insights/admin/advisors/mentor/members/ada", "");
        tenant.member("ada").put("/api/insights/sharing/mentor", "{\"tier\": \"progress\"}");

        ApiClient.Response nudge = tenant.advisor("mentor").post("/api/insights/advisor/members/ada/nudges",
                "{\"text\": \"Try a second contact at Northwind\"}");
        assertThat(nudge.status()).isEqualTo(201);
        ApiClient.Response empty = tenant.advisor("mentor").post("/api/insights/advisor/members/ada/nudges", "{\"text\": \" \"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("errors").get(0).path("field").asString()).isEqualTo("text");

        try (EventsOnTopic events = new EventsOnTopic(kafka, Topics.INSIGHTS)) {
            ConsumerRecord<String, byte[]> shared = events.await(EventsOnTopic.ofType("SharingChanged", "mentor")
                    .and(record -> tenant.id.equals(EventsOnTopic.header(record, "ce_tenantid"))), Duration.ofSeconds(30));
            assertThat(shared.key()).isEqualTo("ada");
            SharingChanged change = (SharingChanged) CloudEvents.read(shared).payload();
            assertThat(change.tier()).isEqualTo("PROGRESS");
            assertThat(change.previousTier()).isEqualTo("NOTHING");

            ConsumerRecord<String, byte[]> nudged = events.await(EventsOnTopic.ofType("AdvisorNudged", nudge.text("id")),
                    Duration.ofSeconds(30));
            assertThat(nudged.key()).isEqualTo("ada");
            assertThat(((AdvisorNudged) CloudEvents.read(nudged).payload()).text()).isEqualTo("Try a second contact at Northwind");
        }
    }
}
