package io.rapport.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A body refused by its declared length is never read, so the connection it came on cannot carry another request.
 * Before the gateway said {@code Connection: close} with the 413, a keep-alive client sent its next call on that
 * connection and waited for an answer that never came — CI's run of ProtectionTest timed out that way, and this
 * loop timed out in 2 of 3 runs before the fix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "rapport.gateway.rate-limit.per-second=100000",
    "rapport.gateway.rate-limit.burst=100000",
    "rapport.gateway.max-body-size=1KB",
    "rapport.gateway.max-import-size=8KB",
})
class RefusedBodyConnectionTest {

    private static final HttpClient KEEP_ALIVE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StubServices.routeTo(registry);
    }

    @Test
    void aClientWhoseBodiesWereRefusedUnreadGetsEveryLaterAnswer() throws Exception {
        String member = TestIdentityProvider.member("importer", "uni-a");
        for (int round = 0; round < 300; round++) {
            assertThat(post(member, "/api/contacts/import", 4096).statusCode()).as("round %d, a CSV within its cap", round).isEqualTo(200);
            assertThat(post(member, "/api/contacts/import", 16 * 1024).statusCode()).as("round %d, over the import cap", round).isEqualTo(413);
            assertThat(post(member, "/api/contacts/import-not", 4096).statusCode()).as("round %d, over the JSON cap", round).isEqualTo(413);
        }
    }

    private HttpResponse<String> post(String token, String path, int bytes) throws Exception {
        return KEEP_ALIVE.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(bytes)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
