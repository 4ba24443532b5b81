package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole system as {@code ./rapport run} starts it — a Kafka broker process, the MongoDB wire
 * server, four service processes and the gateway — driven only through the gateway, as a member
 * would: a contact is created, read, listed and changed; ContactAdded and ContactUpdated reach
 * Kafka in the CloudEvents envelope; scheduling builds its own copy from them. Then Kafka is
 * stopped under the running system: a contact written meanwhile reaches scheduling once Kafka is
 * back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstSliceThroughTheGatewayIT {

    private static final ObjectMapper JSON = GatewayClient.JSON;

    private static EmbeddedSystem system;
    private static String tenant;
    private static GatewayClient gateway;

    @BeforeAll
    static void startTheWholeSystem() throws IOException {
        LaunchSettings settings = LaunchSettings.defaults()
                .withRepoRoot(Path.of("..").toAbsolutePath().normalize())
                .withDataDir(Files.createDirectories(Path.of("target", "e2e-data").toAbsolutePath()))
                .withReset(true);
        List<Integer> ports = FreePorts.take(PortName.values().length);
        for (PortName name : PortName.values()) {
            settings = settings.withPort(name, ports.get(name.ordinal()));
        }
        system = EmbeddedSystem.start(settings, System.out::println);
        tenant = "state-university-" + UUID.randomUUID();
        gateway = new GatewayClient(system.gatewayUri(), tenant);
    }

    @AfterAll
    static void stopEverythingItStarted() {
        if (system != null) {
            List<ProcessHandle> children = ProcessHandle.current().children().toList();
            system.close();
            assertThat(children).as("no process outlives the launcher").noneMatch(ProcessHandle::isAlive);
        }
    }

    @Test
    @Order(1)
    void aContactCreatedThroughTheGatewayIsReadListedChangedAndKnownToScheduling() throws Exception {
        GatewayClient.Response created = call("POST", "/api/contacts", "alice", Map.of("X-Request-Id", "e2e-create-1"), """
                {"name": "Grace Hopper", "email": "grace@navy.example", "employer": "US Navy",
                 "role": "Rear Admiral", "source": "alumni"}
                """);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();

        GatewayClient.Response read = call("GET", "/api/contacts/" + id, "alice", Map.of(), null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("email").asText()).isEqualTo("grace@navy.example");
        assertThat(call("GET", "/api/contacts", "alice", Map.of(), null).json().path("items").findValuesAsText("id"))
                .containsExactly(id);

        GatewayClient.Response updated = call("PUT", "/api/contacts/" + id, "alice", Map.of(), """
                {"name": "Grace Hopper", "email": "grace@navy.example", "employer": "Harvard",
                 "role": "Researcher", "source": "alumni"}
                """);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            GatewayClient.Response known = call("GET", "/api/scheduling/contacts/" + id, "alice", Map.of(), null);
            assertThat(known.status()).isEqualTo(200);
            assertThat(known.json().path("employer").asText()).isEqualTo("Harvard");
        });

        List<ConsumerRecord<String, byte[]>> events = readContactsTopic(2, id);
        assertThat(events).extracting(record -> header(record, "ce_type")).containsExactly("ContactAdded", "ContactUpdated");
        ConsumerRecord<String, byte[]> added = events.getFirst();
        assertThat(added.key()).isEqualTo("alice");
        assertThat(header(added, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(added, "ce_source")).isEqualTo("/rapport/contacts-service");
        assertThat(header(added, "ce_subject")).isEqualTo(id);
        assertThat(header(added, "ce_memberid")).isEqualTo("alice");
        assertThat(header(added, "ce_tenantid")).isEqualTo(tenant);
        assertThat(header(added, "ce_correlationid")).isEqualTo("e2e-create-1");
        assertThat(header(added, "ce_id")).isNotBlank();
        assertThat(header(added, "ce_time")).isNotBlank();
        assertThat(JSON.readTree(added.value()).path("name").asText()).isEqualTo("Grace Hopper");
    }

    @Test
    @Order(2)
    void badInputThroughTheGatewayIsRefusedWithTheFieldAndStoresNothing() throws Exception {
        int before = call("GET", "/api/contacts", "alice", Map.of(), null).json().path("items").size();

        assertRefused(call("POST", "/api/contacts", "alice", Map.of(), "{\"email\": \"x@example.com\"}"), "name");
        assertRefused(call("POST", "/api/contacts", "alice", Map.of(), "{\"name\": \"Ada\", \"email\": \"nope\"}"), "email");
        assertRefused(call("POST", "/api/contacts", "alice", Map.of(), "{\"name\": {\"$gt\": \"\"}}"), "name");
        assertRefused(call("POST", "/api/contacts", "alice", Map.of(), "{\"name\": \"Ada\", \"$where\": \"1\"}"), "$where");

        assertThat(call("GET", "/api/contacts", "alice", Map.of(), null).json().path("items").size()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void anotherMemberSeesNothingAndAnonymousCallsAreUnauthorized() throws Exception {
        String alices = call("GET", "/api/contacts", "alice", Map.of(), null).json().path("items").get(0).path("id").asText();

        assertThat(call("GET", "/api/contacts/" + alices, "bob", Map.of(), null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/scheduling/contacts/" + alices, "bob", Map.of(), null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/contacts", "bob", Map.of(), null).json().path("items").size()).isZero();
        assertThat(call("GET", "/api/contacts/" + alices, "bob", Map.of("X-Member-Id", "alice", "X-Tenant-Id", tenant), null)
                .status()).as("identity headers from a client are ignored").isEqualTo(404);
        for (String forged : List.of("not-a-token", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSIsInRlbmFudCI6Ingifq.c2lnbmF0dXJl")) {
            GatewayClient.Response refused = call("GET", "/api/contacts", null, Map.of("Authorization", "Bearer " + forged), null);
            assertThat(refused.status()).as("forged token " + forged).isEqualTo(401);
        }
        GatewayClient.Response anonymous = call("GET", "/api/contacts", null, Map.of(), null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
    }

    /**
     * Reaching a service's port is not enough: called directly, without the gateway, a service refuses the plain
     * identity headers (header spoofing), an identity token signed with a guessed secret, and a member's own bearer
     * token, each with a 401 problem, while the same read through the gateway works.
     */
    @Test
    @Order(3)
    void servicesCalledDirectlyBelieveNeitherIdentityHeadersNorForgedIdentityTokens() throws Exception {
        String alices = call("GET", "/api/contacts", "alice", Map.of(), null).json().path("items").get(0).path("id").asText();
        String forged = DirectCalls.hs256("{\"alg\":\"HS256\"}", "{\"iss\":\"rapport-gateway\",\"aud\":\"rapport-services\","
                + "\"sub\":\"alice\",\"tenant\":\"" + tenant + "\",\"roles\":[\"member\"],\"exp\":"
                + (System.currentTimeMillis() / 1000 + 60) + "}", "a-guessed-secret-a-guessed-secret-guessed");
        String membersBearerToken = gateway.call("GET", "/api/contacts", "alice", Map.of(), null).raw().request()
                .headers().firstValue("Authorization").orElseThrow().substring("Bearer ".length());
        Map<String, String> paths = Map.of("contacts", "/api/contacts/" + alices, "scheduling", "/api/scheduling/contacts/" + alices,
                "notes", "/api/goals", "reminders", "/api/reminders");

        paths.forEach((service, path) -> {
            GatewayClient direct = new GatewayClient(system.serviceUri(service), tenant);
            for (Map<String, String> attempt : List.of(
                    Map.of("X-Member-Id", "alice", "X-Tenant-Id", tenant),
                    Map.of("X-Member-Id", "alice", "X-Tenant-Id", tenant, "X-Rapport-Identity", forged),
                    Map.of("X-Rapport-Identity", membersBearerToken),
                    Map.of("Authorization", "Bearer " + membersBearerToken))) {
                GatewayClient.Response refused = direct.call("GET", path, null, attempt, null);
                assertThat(refused.status()).as(service + " called directly with " + attempt.keySet() + ": " + refused).isEqualTo(401);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            }
            assertThat(call("GET", path, "alice", Map.of(), null).status()).as(service + " through the gateway").isEqualTo(200);
        });
    }

    @Test
    @Order(6)
    void aContactWrittenWhileKafkaIsDownReachesSchedulingOnceKafkaIsBack() throws Exception {
        system.stopKafka();
        GatewayClient.Response created = call("POST", "/api/contacts", "alice", Map.of(), """
                {"name": "Written During The Outage", "employer": "Acme"}
                """);
        assertThat(created.status()).as("the member's write does not wait for Kafka: " + created).isEqualTo(201);
        String id = created.json().path("id").asText();

        system.startKafka();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(call("GET", "/api/scheduling/contacts/" + id, "alice", Map.of(), null).status()).isEqualTo(200));
        assertThat(readContactsTopic(1, id)).hasSize(1);
    }

    @Test
    @Order(4)
    void theGatewayServesEveryServicesApiDocumentWithItsErrors() throws Exception {
        for (String service : List.of("contacts-service", "scheduling-service", "notes-service", "reminders-service")) {
            GatewayClient.Response doc = call("GET", "/openapi/" + service, null, Map.of(), null);
            assertThat(doc.status()).as(service + ": " + doc).isEqualTo(200);
            assertThat(doc.json().path("info").path("title").asText()).isEqualTo("Rapport " + service);
        }
        GatewayClient.Response contacts = call("GET", "/openapi/contacts-service", null, Map.of(), null);
        assertThat(contacts.json().path("paths").has("/api/contacts")).isTrue();
        assertThat(contacts.json().path("paths").path("/api/contacts/{id}").path("get").path("responses").has("404")).isTrue();
        assertThat(call("GET", "/v3/api-docs/swagger-config", null, Map.of(), null).raw().body()).contains("/openapi/notes-service");
    }

    @Test
    @Order(7)
    void aStoppedServiceLeavesTheOthersAnswering() throws Exception {
        system.stopService("notes");

        assertThat(system.isServiceRunning("notes-service")).isFalse();
        GatewayClient.Response down = call("GET", "/api/notes", "alice", Map.of(), null);
        assertThat(down.status()).as(down.toString()).isEqualTo(503);
        assertThat(down.header("Content-Type")).startsWith("application/problem+json");
        assertThat(call("GET", "/api/contacts", "alice", Map.of(), null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/scheduling/contacts", "alice", Map.of(), null).status()).isEqualTo(200);
    }

    private static void assertRefused(GatewayClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsText("field")).contains(field);
    }

    private static List<ConsumerRecord<String, byte[]>> readContactsTopic(int expected, String subject) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("rapport.contacts"));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < expected && System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(300)).forEach(record -> {
                    if (subject.equals(header(record, "ce_subject"))) {
                        found.add(record);
                    }
                });
            }
            // a little longer, so a duplicate would show
            consumer.poll(Duration.ofSeconds(1)).forEach(record -> {
                if (subject.equals(header(record, "ce_subject"))) {
                    found.add(record);
                }
            });
            return found;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static GatewayClient.Response call(String method, String path, String member, Map<String, String> headers, String body) {
        return gateway.call(method, path, member, headers, body);
    }
}
