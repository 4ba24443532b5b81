package io.rapport.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The probes Kubernetes calls (deploy/base): with Kafka and MongoDB both unreachable, a service is alive (a restart
 * would not bring either back, and killing every instance at once during a broker outage only adds cold starts), but
 * not ready while it cannot reach its database (every request needs it; Kafka is not needed to answer, the outbox
 * keeps the events until it is back).
 */
class ProbeGroupsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ConfigurableApplicationContext app;
    private static int port;

    @BeforeAll
    static void startWithoutKafkaOrMongo() throws IOException {
        int nothingListens = freePort();
        app = SpringApplication.run(ProbedApp.class, "--server.port=0", "--rapport.service-name=notes-service",
                "--rapport.identity.secret=probe-groups-test-identity-secret-32-bytes",
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + nothingListens,
                // as on Kubernetes (deploy/base/runtime-config.yaml): topics are not the service's to create
                "--spring.kafka.admin.auto-create=false", "--logging.level.org.apache.kafka=off",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + nothingListens
                        + "/probes?serverSelectionTimeoutMS=300&connectTimeoutMS=300");
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void livenessIsUpWhileKafkaAndMongoAreDown() throws Exception {
        HttpResponse<String> overall = get("/actuator/health");
        HttpResponse<String> liveness = get("/actuator/health/liveness");

        assertThat(overall.statusCode()).isEqualTo(503);
        assertThat(status(overall, "kafka")).isEqualTo("DOWN");
        assertThat(status(overall, "mongo")).isEqualTo("DOWN");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(liveness.body()).path("status").asString()).isEqualTo("UP");
        assertThat(liveness.body()).doesNotContain("kafka", "mongo");
    }

    @Test
    void readinessFollowsTheDatabaseButNotKafka() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(status(readiness, "mongo")).isEqualTo("DOWN");
        assertThat(status(readiness, "readinessState")).isEqualTo("UP");
        assertThat(readiness.body()).doesNotContain("kafka");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String status(HttpResponse<String> health, String component) {
        return JSON.readTree(health.body()).path("components").path(component).path("status").asString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ProbedApp {
    }
}
