package io.rapport.gateway;

import static io.rapport.gateway.GatewayCalls.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway as {@code ./rapport run --instances=N} starts it (the launcher's arguments, here as properties):
 * contacts-service has three instances, two answering (the contacts and scheduling stubs, so each answer says which)
 * and one whose port nobody listens on. Requests alternate over the two that answer; the dead one is left out
 * by the health checks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.discovery.enabled=true",
        "spring.cloud.loadbalancer.enabled=true",
        "spring.cloud.loadbalancer.configurations=health-check",
        "spring.cloud.loadbalancer.health-check.interval=1s",
        "rapport.services.contacts-uri=lb://contacts-service"})
class BalancedRoutingTest {

    private static final String ALICE = TestIdentityProvider.member("alice", "uni-a");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StubServices.routeTo(registry);
        StubServices.balance(registry, "contacts", () -> StubServices.uri("contacts"),
                () -> StubServices.uri("scheduling"), () -> "http://127.0.0.1:" + portNobodyListensOn());
    }

    @Test
    void requestsAlternateOverTheInstancesThatAnswerAndNeverReachTheDeadOne() throws Exception {
        // The first health checks run when the first request asks for instances: until then none is known healthy.
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/api/contacts", ALICE).statusCode() == 200);

        List<String> answeredBy = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = get(port, "/api/contacts", ALICE);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            answeredBy.add(response.body().lines().findFirst().orElseThrow());
        }

        assertThat(answeredBy).containsOnly("service=contacts", "service=scheduling");
        assertThat(answeredBy).filteredOn("service=contacts"::equals).hasSize(10);
    }

    private static int portNobodyListensOn() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
