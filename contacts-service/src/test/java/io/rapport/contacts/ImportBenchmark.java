package io.rapport.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.web.IdentityTokens;
import io.rapport.test.ApiClient;
import io.rapport.test.ServiceIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Times a 10,000-row LinkedIn import over HTTP, end to end (parse, duplicate check, batched
 * writes with the ContactAdded events). Run only on demand:
 * {@code ./mvnw -B -o verify -pl contacts-service -Dtest=ImportBenchmark -Dbenchmark=true}.
 */
@ServiceIntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ImportBenchmark {

    @LocalServerPort
    int port;

    @Test
    void importsTenThousandRows() throws Exception {
        String csv = ContactListAndImportIT.linkedInCsv(10_000);
        HttpClient http = HttpClient.newHttpClient();
        for (int run = 1; run <= 3; run++) {
            String tenant = "bench-" + UUID.randomUUID();
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/contacts/import"))
                    .header(IdentityTokens.HEADER, ApiClient.identityToken("bench", tenant)).header("Content-Type", "text/csv")
                    .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(csv)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            JsonNode report = JsonMapper.builder().build().readTree(response.body());
            assertThat(report.path("created").asInt()).isEqualTo(10_000);
            System.out.printf("BENCHMARK run %d: 10,000-row LinkedIn import, %d created in %d ms (%d bytes)%n",
                    run, report.path("created").asInt(), millis, csv.length());
        }
    }
}
