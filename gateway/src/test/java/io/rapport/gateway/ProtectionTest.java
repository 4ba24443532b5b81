package io.rapport.gateway;

import static io.rapport.gateway.GatewayCalls.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Limits per member, body size, browser origins, and a service that is down or slow. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "rapport.gateway.rate-limit.per-second=1",
    "rapport.gateway.rate-limit.burst=3",
    "rapport.gateway.max-body-size=1KB",
    "rapport.gateway.max-import-size=8KB",
    "rapport.gateway.service-timeout=1s",
    "rapport.gateway.cors.allowed-origins=https://careers.state-university.example",
})
class ProtectionTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws Exception {
        StubServices.routeTo(registry);
        try (ServerSocket closed = new ServerSocket(0)) {
            int nobodyListens = closed.getLocalPort();
            registry.add("rapport.services.reminders-uri", () -> "http://127.0.0.1:" + nobodyListens);
        }
    }

    @Test
    void aMemberOverTheLimitIsToldWhenToComeBackAndOthersAreNotAffected() throws Exception {
        String busy = TestIdentityProvider.member("busy-member", "uni-a");
        long started = System.nanoTime();
        int allowed = 0;
        HttpResponse<String> limited = null;
        for (int i = 0; i < 12 && limited == null; i++) {
            HttpResponse<String> response = get(port, "/api/contacts", busy);
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                allowed++;
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        assertThat(limited).as("a 429 within 12 quick requests").isNotNull();
        assertThat(allowed).as("the burst, plus about one per second that passed").isBetween(3, 4 + (int) seconds);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(retryAfter ->
                assertThat(Integer.parseInt(retryAfter)).isPositive());
        assertProblem(limited, 429);
        assertThat(limited.body()).contains("\"title\":\"Too many requests\"").doesNotContain("service=");
        assertThat(get(port, "/api/contacts", TestIdentityProvider.member("calm-member", "uni-a")).statusCode()).isEqualTo(200);
    }

    @Test
    void aJsonBodyOverItsCapIsRefusedWithAProblemBeforeAnyServiceSeesIt() throws Exception {
        HttpResponse<String> response = GatewayCalls.send(port, "/api/contacts",
                TestIdentityProvider.member("big-sender", "uni-a"), HttpRequest.newBuilder()
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"notes\": \"" + "x".repeat(4096) + "\"}")));

        assertProblem(response, 413);
        assertThat(response.body()).contains("at most 1 KB").doesNotContain("service=");
    }

    @Test
    void aChunkedBodyWithoutALengthIsCountedAndRefusedPastItsCap() throws Exception {
        byte[] body = ("{\"notes\": \"" + "x".repeat(4096) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = GatewayCalls.send(port, "/api/contacts",
                TestIdentityProvider.member("chunked-sender", "uni-a"), HttpRequest.newBuilder()
                        .header("Content-Type", "application/json")
                        // A stream of unknown length goes out chunked, with no Content-Length to check.
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertProblem(response, 413);
        assertThat(response.body()).doesNotContain("service=");
    }

    @Test
    void theContactImportHasItsOwnLargerCap() throws Exception {
        String member = TestIdentityProvider.member("importer", "uni-a");
        HttpResponse<String> fits = GatewayCalls.send(port, "/api/contacts/import", member, HttpRequest.newBuilder()
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("x".repeat(4096))));
        HttpResponse<String> tooLarge = GatewayCalls.send(port, "/api/contacts/import", member, HttpRequest.newBuilder()
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("x".repeat(16 * 1024))));
        HttpResponse<String> sameSizeElsewhere = GatewayCalls.send(port, "/api/contacts/import-not", member, HttpRequest.newBuilder()
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("x".repeat(4096))));

        assertThat(fits.statusCode()).isEqualTo(200);
        assertThat(fits.body()).contains("service=contacts", "path=/api/contacts/import");
        assertProblem(tooLarge, 413);
        assertThat(tooLarge.body()).contains("at most 8 KB");
        assertProblem(sameSizeElsewhere, 413);
    }

    @Test
    void onlyConfiguredWebOriginsMayCallFromABrowser() throws Exception {
        HttpResponse<String> allowed = preflight("https://careers.state-university.example");
        HttpResponse<String> other = preflight("https://evil.example");

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://careers.state-university.example");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aStoppedServiceGetsA503ProblemWhileTheOtherRoutesKeepAnswering() throws Exception {
        Instant start = Instant.now();
        HttpResponse<String> down = get(port, "/api/reminders", TestIdentityProvider.member("m-down", "uni-a"));

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(down.body()).contains("reminders-service is not answering");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(get(port, "/api/notes", TestIdentityProvider.member("m-down", "uni-a")).statusCode()).isEqualTo(200);
    }

    @Test
    void aServiceSlowerThanTheTimeoutGetsA503WithinTheTimeout() throws Exception {
        Instant start = Instant.now();
        HttpResponse<String> slow = get(port, "/api/interviews/slow", TestIdentityProvider.member("m-slow", "uni-a"));

        assertThat(slow.statusCode()).isEqualTo(503);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(2500));
        assertThat(get(port, "/api/contacts", TestIdentityProvider.member("m-slow", "uni-a")).statusCode()).isEqualTo(200);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status, "\"detail\":");
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        return GatewayCalls.send(port, "/api/contacts", null, HttpRequest.newBuilder()
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type"));
    }
}
