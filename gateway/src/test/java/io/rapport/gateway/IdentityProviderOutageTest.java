package io.rapport.gateway;

import static io.rapport.gateway.GatewayCalls.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.netty.DisposableServer;

/**
 * The organization's sign-in provider out while the gateway has not fetched its keys yet (a cold start, or a key
 * rotation): a member gets a 503 saying so, with Retry-After, whether the provider refuses connections or accepts
 * them and never answers; once it is back, the same token works. It was a 500 "something went wrong", or a request
 * held as long as the client would wait.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityProviderOutageTest {

    private static final String ALICE = TestIdentityProvider.member("alice", "uni-a");
    /** Bound but never accepting: connections complete in the kernel's backlog and then hear nothing. */
    private static final ServerSocket SILENT_PROVIDER = bound();
    private static DisposableServer provider;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StubServices.routeTo(registry);
        registry.add("rapport.gateway.jwt.jwk-set-uri", () -> "http://127.0.0.1:" + SILENT_PROVIDER.getLocalPort() + "/jwks");
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.disposeNow();
        }
    }

    @Test
    void aProviderThatDoesNotAnswerOrRefusesIsA503WithRetryAfterUntilItIsBack() throws Exception {
        long asked = System.nanoTime();
        HttpResponse<String> unanswered = get(port, "/api/contacts", ALICE);
        Duration waited = Duration.ofNanos(System.nanoTime() - asked);

        assertSignInUnavailable(unanswered);
        assertThat(waited).as("given up after the key fetch's limit, not when the client stops waiting")
                .isLessThan(Duration.ofSeconds(12));

        int providerPort = SILENT_PROVIDER.getLocalPort();
        SILENT_PROVIDER.close();
        assertSignInUnavailable(get(port, "/api/contacts", ALICE));

        provider = TestIdentityProvider.publishKeys(providerPort);
        HttpResponse<String> back = get(port, "/api/contacts", ALICE);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(back.body()).startsWith("service=contacts\n");
    }

    private static void assertSignInUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(response.body()).contains("\"status\":503", "sign-in provider could not be reached");
    }

    private static ServerSocket bound() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress("127.0.0.1", 0), 50);
            return socket;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
