package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./rapport run --instances=2}: two instances of each service, the gateway balancing across them. One of a
 * pair killed with SIGKILL: once the gateway's health checks left it out, requests succeed again, and the events the
 * survivors publish and consume keep flowing, held up no longer than the consumers' session timeout.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class SeveralInstancesIT {

    /** spring.kafka.consumer.properties.session.timeout.ms in the platform's defaults. */
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
    /** After the session timeout, the group rebalances: the survivors rejoin at their next heartbeat (3 s). */
    private static final Duration REBALANCE = Duration.ofSeconds(5);
    private static final int MEMBERS = 6;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> output = new CopyOnWriteArrayList<>();
    private static EmbeddedSystem system;
    private static GatewayClient gateway;

    @BeforeAll
    @Timeout(value = 8, unit = TimeUnit.MINUTES) // nine Spring Boot JVMs starting together on a loaded 2-core machine
    static void startTwoInstancesOfEachService() throws IOException {
        LaunchSettings settings = LaunchSettings.defaults()
                .withRepoRoot(Path.of("..").toAbsolutePath().normalize())
                .withDataDir(Files.createDirectories(Path.of("target", "instances-data").toAbsolutePath()))
                .withReset(true)
                .withInstances(2)
                .withReadyTimeout(Duration.ofMinutes(6));
        List<Integer> ports = FreePorts.take(PortName.values().length);
        for (PortName name : PortName.values()) {
            settings = settings.withPort(name, ports.get(name.ordinal()));
        }
        system = EmbeddedSystem.start(settings, line -> {
            System.out.println(line);
            output.add(line);
        });
        gateway = new GatewayClient(system.gatewayUri(), "instances-university-" + UUID.randomUUID());
    }

    @AfterAll
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    static void stopEverythingItStarted() {
        if (system != null) {
            List<ProcessHandle> children = ProcessHandle.current().children().toList();
            system.close();
            assertThat(children).as("no process outlives the launcher, second instances included").noneMatch(ProcessHandle::isAlive);
        }
    }

    @Test
    @Order(1)
    void eachServiceRunsTwiceAndTheGatewaySendsRequestsToBoth() throws Exception {
        assertThat(output).anyMatch(line -> line.contains("contacts-service-2") && line.contains("ready"))
                .anyMatch(line -> line.contains("reminders-service-2") && line.contains("ready"));
        for (int i = 0; i < 20; i++) {
            GatewayClient.Response created = gateway.post("/api/contacts", "alice", "{\"name\": \"Balanced " + i + "\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        int first = system.port(PortName.CONTACTS);
        assertThat(contactsCreatedAt(first)).as("contacts-service on " + first).isPositive();
        assertThat(contactsCreatedAt(first + LaunchSettings.INSTANCE_PORT_STEP)).as("contacts-service-2").isPositive();
    }

    @Test
    @Order(2)
    void killingOneOfEachPairLosesNoRequestAfterEvictionAndHoldsEventsUpNoLongerThanTheSessionTimeout() throws Exception {
        Map<String, Long> createdAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        List<long[]> answers = new CopyOnWriteArrayList<>(); // {sent at, status}
        AtomicBoolean running = new AtomicBoolean(true);
        Thread writer = Thread.ofVirtual().start(() -> {
            for (int i = 0; running.get(); i++) {
                String member = "member-" + (i % MEMBERS);
                long sent = System.nanoTime();
                int status;
                try {
                    GatewayClient.Response created = gateway.post("/api/contacts", member, "{\"name\": \"Steady " + i + "\"}");
                    status = created.status();
                    if (status == 201) {
                        createdAt.put(member + "/" + created.text("id"), System.nanoTime());
                    }
                } catch (RuntimeException refused) {
                    status = 0;
                }
                answers.add(new long[] {sent, status});
                pause(200);
            }
        });
        // Each contact a member adds reaches scheduling as ContactAdded: through the relay, Kafka and a consumer. The
        // reader asks for each member's list once a round (one contact at a time made a round take seconds once a
        // backlog built up, and that wait was counted as the event's).
        Map<String, String> lastAnswer = new ConcurrentHashMap<>(); // what scheduling last said, for a failure's message
        AtomicLong lastRoundAt = new AtomicLong(System.nanoTime());
        Thread reader = Thread.ofVirtual().start(() -> {
            // Until the writer has ended, not just been told to: its last contact may still be on its way in (a reader
            // that stopped on the flag once left that one unread and the test waited for it in vain).
            while (writer.isAlive() || seenAt.size() < createdAt.size()) {
                Set<String> waitingMembers = new TreeSet<>();
                for (String key : List.copyOf(createdAt.keySet())) {
                    if (!seenAt.containsKey(key)) {
                        waitingMembers.add(key.split("/", 2)[0]);
                    }
                }
                for (String member : waitingMembers) {
                    try {
                        GatewayClient.Response known = gateway.get("/api/scheduling/contacts", member);
                        long now = System.nanoTime();
                        lastAnswer.put(member, String.valueOf(known.status()));
                        if (known.status() == 200) {
                            for (JsonNode contact : known.json()) {
                                String key = member + "/" + contact.path("id").asText();
                                if (createdAt.containsKey(key)) {
                                    seenAt.putIfAbsent(key, now);
                                }
                            }
                        }
                    } catch (RuntimeException notNow) {
                        lastAnswer.put(member, notNow.getClass().getSimpleName()); // asked again in the next round
                    }
                }
                lastRoundAt.set(System.nanoTime());
                pause(100);
            }
        });
        Thread.sleep(5_000);

        long killedAt = System.nanoTime();
        kill9(notedPid("contacts-service-2"));
        kill9(notedPid("scheduling-service-2"));
        Thread.sleep(40_000);
        running.set(false);
        writer.join();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(createdAt.keySet())
                .as(() -> "in scheduling, each contact created; the last answer to those not yet: " + createdAt.keySet()
                        .stream().filter(key -> !seenAt.containsKey(key))
                        .map(key -> key + " (created " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - createdAt.get(key))
                                + " s ago) " + lastAnswer.get(key.split("/", 2)[0])).toList() + "; the reader's last round ended "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastRoundAt.get()) + " ms ago")
                .allMatch(seenAt::containsKey));
        reader.join(Duration.ofSeconds(10));

        List<long[]> afterKill = answers.stream().filter(answer -> answer[0] >= killedAt).toList();
        long lastFailure = afterKill.stream().filter(answer -> answer[1] != 201).mapToLong(answer -> answer[0]).max().orElse(killedAt);
        long refused = afterKill.stream().filter(answer -> answer[1] != 201).count();
        long longestDelayMillis = createdAt.keySet().stream()
                .mapToLong(key -> TimeUnit.NANOSECONDS.toMillis(seenAt.get(key) - createdAt.get(key))).max().orElseThrow();
        long recoveredAfterMillis = TimeUnit.NANOSECONDS.toMillis(lastFailure - killedAt);
        System.out.printf("--instances=2, kill -9 of contacts-service-2 and scheduling-service-2: %d of %d requests refused"
                        + " (the last %.1f s after the kill); %d contacts, each in scheduling within %.1f s at most%n",
                refused, afterKill.size(), recoveredAfterMillis / 1000.0, createdAt.size(), longestDelayMillis / 1000.0);

        assertThat(recoveredAfterMillis).as("every request succeeds again once the dead instance is left out")
                .isLessThan(Duration.ofSeconds(20).toMillis());
        assertThat(afterKill.stream().filter(answer -> answer[0] > lastFailure)).as("requests after the recovery")
                .hasSizeGreaterThan(50).allMatch(answer -> answer[1] == 201);
        assertThat(longestDelayMillis).as("the longest an event waited, from the write to the read model")
                .isLessThanOrEqualTo(SESSION_TIMEOUT.plus(REBALANCE).toMillis());
    }

    /** POST /api/contacts requests this instance answered, from its own metrics. */
    private static long contactsCreatedAt(int port) throws Exception {
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        long count = 0;
        for (String line : metrics.body().lines().toList()) {
            if (line.startsWith("http_server_requests_seconds_count{") && line.contains("method=\"POST\"")
                    && line.contains("uri=\"/api/contacts\"")) {
                count += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return count;
    }

    private static long notedPid(String name) throws IOException {
        return Long.parseLong(Files.readString(system.dataDir().resolve("pids").resolve(name + ".pid")).trim());
    }

    private static void kill9(long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -9 " + pid).isZero();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
