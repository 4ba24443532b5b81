package io.rapport.gateway;

import static io.rapport.gateway.GatewayCalls.get;
import static io.rapport.gateway.GatewayCalls.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two instances of contacts-service behind the gateway, as {@code ./rapport run --instances=2} routes them, and one of
 * them frozen: it still accepts connections (the kernel does that for a stopped process) but answers nothing. The
 * load balancer's health checks are off for this service here, so the frozen (and then killed) instance stays in the
 * rotation and every other call is sent to it: the worst case, which in a real run lasts until a health check drops it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.discovery.enabled=true",
        "spring.cloud.loadbalancer.enabled=true",
        "spring.cloud.loadbalancer.configurations=health-check",
        "spring.cloud.loadbalancer.health-check.interval=1s",
        "spring.cloud.loadbalancer.health-check.path.contacts-service=",
        "spring.cloud.loadbalancer.health-check.path.scheduling-service=",
        "rapport.gateway.service-timeout=4s",
        "rapport.gateway.read-try-timeout=1s"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TryAnotherInstanceTest {

    private static final String ALICE = TestIdentityProvider.member("alice", "uni-a");
    private static final Instance STEADY = new Instance("steady");
    private static final Instance FREEZES = new Instance("freezes");
    /** The only instance of scheduling-service here, answering every call after 2 s: twice the read try timeout. */
    private static final Instance SLOW_ALONE = new Instance("slow", Duration.ofSeconds(2));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StubServices.routeTo(registry);
        StubServices.balance(registry, "contacts", STEADY::uri, FREEZES::uri);
        StubServices.balance(registry, "scheduling", SLOW_ALONE::uri);
    }

    @AfterAll
    static void thaw() {
        FREEZES.kill();
        STEADY.kill();
        SLOW_ALONE.kill();
    }

    @Test
    @Order(1)
    void aReadTheFrozenInstanceDoesNotAnswerIsAnsweredByItsTwinWithinTheTryTimeout() throws Exception {
        Set<String> answeredBy = new HashSet<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> response = get(port, "/api/contacts", ALICE);
            if (response.statusCode() == 200) {
                answeredBy.add(response.body());
            }
            return answeredBy.size() == 2;
        });
        FREEZES.freeze();

        for (int call = 0; call < 8; call++) {
            long started = System.nanoTime();
            HttpResponse<String> response = get(port, "/api/contacts?call=read-" + call, ALICE);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.statusCode()).as("read %d: %s", call, response.body()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("steady");
            assertThat(took).as("read %d: one try of 1 s on the frozen instance at most, then its twin", call)
                    .isLessThan(Duration.ofMillis(2500));
        }
        assertThat(FREEZES.calls).as("the frozen instance was asked (every other call), so its twin answered for it")
                .anyMatch(call -> call.startsWith("GET /api/contacts?call=read-"));
    }

    @Test
    @Order(2)
    void aWriteTheFrozenInstanceReceivedIsNeverSentToItsTwin() throws Exception {
        List<HttpResponse<String>> responses = new CopyOnWriteArrayList<>();
        for (int call = 0; call < 2; call++) {
            responses.add(send(port, "/api/contacts?call=write-" + call, ALICE, HttpRequest.newBuilder()
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\"}"))));
        }

        List<String> frozenWrites = FREEZES.calls.stream().filter(call -> call.startsWith("POST")).toList();
        List<String> steadyWrites = STEADY.calls.stream().filter(call -> call.startsWith("POST")).toList();
        assertThat(frozenWrites).as("round robin sent one of the two writes to the frozen instance").hasSize(1);
        assertThat(steadyWrites).as("the twin received only the other write").hasSize(1)
                .doesNotContainAnyElementsOf(frozenWrites);
        assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 503);
    }

    @Test
    @Order(3)
    void aWriteWhoseConnectionTheKilledInstanceRefusedGoesToItsTwinWithItsBody() throws Exception {
        FREEZES.kill(); // its port now refuses connections
        STEADY.calls.clear();

        for (int call = 0; call < 4; call++) {
            HttpResponse<String> response = send(port, "/api/contacts?call=after-kill-" + call, ALICE,
                    HttpRequest.newBuilder().header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Grace " + call + "\"}")));
            assertThat(response.statusCode()).as("write %d: %s", call, response.body()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("steady");
        }
        assertThat(STEADY.calls).as("each write once, with its body").containsExactly(
                "POST /api/contacts?call=after-kill-0 {\"name\":\"Grace 0\"}",
                "POST /api/contacts?call=after-kill-1 {\"name\":\"Grace 1\"}",
                "POST /api/contacts?call=after-kill-2 {\"name\":\"Grace 2\"}",
                "POST /api/contacts?call=after-kill-3 {\"name\":\"Grace 3\"}");
    }

    @Test
    @Order(4)
    void aSlowReadFromTheOnlyHealthyInstanceIsLeftToFinishNotSentAgain() throws Exception {
        HttpResponse<String> response = get(port, "/api/interviews?call=slow-read", ALICE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("slow");
        assertThat(SLOW_ALONE.calls).as("asked once: a second try would land on the same instance")
                .containsExactly("GET /api/interviews?call=slow-read");
    }

    /** A stand-in instance that answers with its name, and once frozen takes calls but never answers them. */
    private static final class Instance {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final HttpServer server;
        private volatile CountDownLatch frozen;
        private boolean killed;

        Instance(String name) {
            this(name, Duration.ZERO);
        }

        Instance(String name, Duration answersAfter) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + (body.isEmpty() ? "" : " " + body));
                try {
                    Thread.sleep(answersAfter);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                CountDownLatch latch = frozen;
                if (latch != null) {
                    try {
                        latch.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] answer = name.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void freeze() {
            frozen = new CountDownLatch(1);
        }

        synchronized void kill() {
            thaw();
            if (!killed) {
                killed = true;
                server.stop(0);
            }
        }

        void thaw() {
            CountDownLatch latch = frozen;
            frozen = null;
            if (latch != null) {
                latch.countDown();
            }
        }
    }
}
