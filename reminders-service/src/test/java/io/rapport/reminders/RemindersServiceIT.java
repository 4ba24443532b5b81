package io.rapport.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.test.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The deployable starts against real Kafka and MongoDB, reports its health and refuses anonymous API calls. */
@RemindersServiceTest
class RemindersServiceIT {

    @LocalServerPort
    int port;

    @Test
    void reportsHealthyWithKafkaAndMongo() {
        ApiClient.Response health = ApiClient.at("http://127.0.0.1:" + port).get("/actuator/health");

        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().path("components").path("kafka").path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").path("mongo").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void apiCallsWithoutAMemberAreUnauthorized() {
        ApiClient.Response anonymous = ApiClient.at("http://127.0.0.1:" + port).get("/api/reminders");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }
}
