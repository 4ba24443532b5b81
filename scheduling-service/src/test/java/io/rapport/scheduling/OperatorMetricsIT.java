package io.rapport.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.Topics;
import io.rapport.platform.domain.Member;
import io.rapport.test.PrometheusMetrics;
import io.rapport.test.ServiceIntegrationTest;
import io.rapport.test.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

/** What an operator of a consuming service watches on /actuator/prometheus: dead letters and consumer lag. */
@ServiceIntegrationTest
class OperatorMetricsIT {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    @Test
    void aRecordParkedInTheDeadLetterTopicCountsThere() {
        String deadLetters = Topics.deadLetter(Topics.CONTACTS);
        assertThat(scrape().has("rapport_dlt_records", "topic=" + deadLetters)).as("there from the start").isTrue();
        double before = scrape().sum("rapport_dlt_records", "topic=" + deadLetters);

        Member alice = new Member("alice", "uni-" + UUID.randomUUID());
        ProducerRecord<String, byte[]> event = TestEvents.record(ContactReadModelIT.added("c-1", "Ada", "Acme"), alice);
        producer.send(new ProducerRecord<>(event.topic(), null, event.key(), "{not json".getBytes(StandardCharsets.UTF_8),
                event.headers())).join();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(scrape().sum("rapport_dlt_records", "topic=" + deadLetters)).isEqualTo(before + 1));
    }

    /** Kafka's own client metrics; the per-partition ones appear once Micrometer next reads the client's list (every 60 s). */
    @Test
    void consumerLagIsThereForEachConsumedPartition() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            PrometheusMetrics metrics = scrape();
            String kafka = metrics.text().lines().filter(line -> line.startsWith("kafka_consumer_fetch_manager_records_lag"))
                    .toList().toString();
            assertThat(metrics.has("kafka_consumer_fetch_manager_records_lag_max")).as(kafka).isTrue();
            assertThat(metrics.has("kafka_consumer_fetch_manager_records_lag", "topic=" + Topics.CONTACTS)).as(kafka).isTrue();
        });
    }

    private PrometheusMetrics scrape() {
        return PrometheusMetrics.scrape("http://127.0.0.1:" + port);
    }
}
