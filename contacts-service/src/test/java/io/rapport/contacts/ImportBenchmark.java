package io.rapport.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.platform.web.IdentityTokens;
import io.rapport.test.ApiClient;
import io.rapport.test.ServiceIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Times a 30,000-row LinkedIn import against the service alone, end to end (the upload answered with 202,
 * then the job followed to its end: parse, duplicate check, batched writes with the ContactAdded events).
 * Through the gateway on the embedded default, the launcher's {@code MemberJourneyIT} measures the same.
 * Run only on demand:
 * {@code ./mvnw -B -o verify -pl contacts-service -am -Dit.test=ImportBenchmark -Dbenchmark=true}.
 */
@ServiceIntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ImportBenchmark {

    private static final int ROWS = 30_000;

    @LocalServerPort
    int port;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES) // three runs: longer than the tests' default bound
    void importsThirtyThousandRows() throws Exception {
        String csv = ContactListAndImportIT.linkedInCsv(ROWS);
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = JsonMapper.builder().build();
        for (int run = 1; run <= 3; run++) {
            String tenant = "bench-" + UUID.randomUUID();
            long started = System.nanoTime();
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/contacts/import"))
                    .header(IdentityTokens.HEADER, ApiClient.identityToken("bench", tenant)).header("Content-Type", "text/csv")
                    .header("Idempotency-Key", "bench-" + run).timeout(Duration.ofMinutes(1))
                    .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
            long answered = (System.nanoTime() - started) / 1_000_000;
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            URI job = URI.create("http://127.0.0.1:" + port + accepted.headers().firstValue("Location").orElseThrow());
            JsonNode[] report = new JsonNode[1];
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250)).until(() -> {
                report[0] = json.readTree(http.send(HttpRequest.newBuilder(job)
                        .header(IdentityTokens.HEADER, ApiClient.identityToken("bench", tenant)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                return !report[0].path("status").asString().equals("RUNNING");
            });
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(report[0].path("created").asInt()).as(report[0].toString()).isEqualTo(ROWS);
            System.out.printf("BENCHMARK run %d: 30,000-row LinkedIn import, answered in %d ms, %d created in %d ms: "
                    + "%d rows/s (%d bytes)%n", run, answered, report[0].path("created").asInt(), millis,
                    ROWS * 1000L / millis, csv.length());
        }
    }
}
