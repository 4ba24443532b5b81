package io.rapport.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.rapport.test.ApiClient;
import io.rapport.test.PrometheusMetrics;
import io.rapport.test.ServiceIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * What an operator of a publishing service watches on /actuator/prometheus: the relay's publish rate, the age of the
 * oldest event still waiting in an outbox, and HTTP rate, errors and latency per route.
 */
@ServiceIntegrationTest
class OperatorMetricsIT {

    private static final String CREATES = "uri=/api/contacts";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    /** The embedded default sets no OTLP endpoint: spans are made (and propagated) but never sent anywhere. */
    @Test
    void noSpanLeavesTheProcessUntilAnEndpointIsSet() {
        assertThat(context.getBeanProvider(Tracer.class).getIfAvailable()).as("tracing is on").isNotNull();
        assertThat(context.getBeansOfType(SpanExporter.class)).as("and exports nowhere").isEmpty();
    }

    @Test
    void aContactCreatedMovesTheRequestAndRelayMetricsAndLeavesNothingWaiting() {
        PrometheusMetrics before = scrape();
        assertThat(before.has("rapport_outbox_oldest_pending_age_seconds", "collection=contacts")).isTrue();
        ApiClient alice = ApiClient.at("http://127.0.0.1:" + port).as("alice", "uni-" + UUID.randomUUID());

        assertThat(alice.post("/api/contacts", "{\"name\": \"Ada Lovelace\"}").status()).isEqualTo(201);
        assertThat(alice.post("/api/contacts", "{\"email\": \"no-name@example.com\"}").status()).isEqualTo(400);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            PrometheusMetrics after = scrape();
            assertThat(after.sum("rapport_outbox_published_total"))
                    .isGreaterThanOrEqualTo(before.sum("rapport_outbox_published_total") + 1);
            assertThat(after.sum("rapport_outbox_oldest_pending_age_seconds", "collection=contacts")).isZero();
        });
        PrometheusMetrics after = scrape();
        assertThat(count(after, "status=201") - count(before, "status=201")).isEqualTo(1);
        assertThat(count(after, "status=400") - count(before, "status=400")).as("errors by status").isEqualTo(1);
        assertThat(after.has("http_server_requests_seconds_bucket", CREATES, "method=POST", "le=0.25"))
                .as("latency buckets per route").isTrue();
        assertThat(after.sum("rapport_outbox_send_seconds_count", "messaging_destination_name=rapport.contacts"))
                .as("the relay's sends timed per topic").isPositive();
    }

    private static double count(PrometheusMetrics metrics, String status) {
        return metrics.sum("http_server_requests_seconds_count", CREATES, "method=POST", status);
    }

    private PrometheusMetrics scrape() {
        return PrometheusMetrics.scrape("http://127.0.0.1:" + port);
    }
}
