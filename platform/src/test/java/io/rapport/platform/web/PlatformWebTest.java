package io.rapport.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import io.rapport.store.IndexedH2Backend;
import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import io.rapport.platform.domain.NotFoundException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What every service gets from the platform over HTTP: 401 without a member, problems for every
 * client error, the correlation id, and an API document that lists the errors.
 */
class PlatformWebTest {

    private static final String SECRET = "platform-web-test-identity-secret-32-bytes+";
    private static final IdentityTokens TOKENS = new IdentityTokens(SECRET);
    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongo;
    private static ConfigurableApplicationContext app;
    private static int port;

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.afterPropertiesSet();
        mongo = new MongoServer(IndexedH2Backend.inMemory());
        mongo.bind("127.0.0.1", 0);
        app = SpringApplication.run(WidgetApp.class, "--server.port=0", "--rapport.service-name=notes-service",
                "--rapport.identity.secret=" + SECRET,
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/platform-web");
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        app.close();
        mongo.shutdownNow();
        kafka.destroy();
    }

    @Test
    void requestsWithoutAMemberAreRefusedBeforeAnyController() throws Exception {
        HttpResponse<String> anonymous = call("GET", "/api/widgets/w-1", null, null);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void theIdentityHeadersAloneProveNothingOnlyTheSignedTokenDoes() throws Exception {
        HttpRequest.Builder bare = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/widgets/echo"))
                .header(IdentityHeaders.MEMBER, "alice").header(IdentityHeaders.TENANT, "uni-a");
        HttpResponse<String> spoofed = HttpClient.newHttpClient().send(bare.build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signed = call("GET", "/api/widgets/echo", "alice", null);

        assertThat(spoofed.statusCode()).isEqualTo(401);
        assertThat(spoofed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.body()).contains("\"member\":\"alice\"");
    }

    @Test
    void domainExceptionsBecomeProblemsWithoutInternals() throws Exception {
        HttpResponse<String> missing = call("GET", "/api/widgets/missing", "alice", null);
        HttpResponse<String> conflict = call("GET", "/api/widgets/taken", "alice", null);
        HttpResponse<String> broken = call("GET", "/api/widgets/broken", "alice", null);
        HttpResponse<String> invalid = call("POST", "/api/widgets", "alice", "{\"name\": \"\"}");
        HttpResponse<String> unknownField = call("POST", "/api/widgets", "alice", "{\"name\": \"x\", \"memberId\": \"bob\"}");
        HttpResponse<String> wrongType = call("POST", "/api/widgets", "alice", "{\"name\": [1, 2]}");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("\"existingId\":\"w-9\"");
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).doesNotContain("IllegalStateException", "secret internals", "at io.rapport");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"name\"");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(unknownField.body()).contains("\"field\":\"memberId\"");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("\"field\":\"name\"");
    }

    @Test
    void jsonValuesOfAnotherTypeAreRefusedNamingTheFieldNotCoerced() throws Exception {
        HttpResponse<String> fraction = call("POST", "/api/widgets", "alice", "{\"name\": \"x\", \"count\": 1.5}");
        HttpResponse<String> primitiveFraction = call("POST", "/api/widgets", "alice", "{\"name\": \"x\", \"size\": 2.5}");
        HttpResponse<String> quotedInteger = call("POST", "/api/widgets", "alice", "{\"name\": \"x\", \"count\": \"2\"}");
        HttpResponse<String> quotedNumber = call("POST", "/api/widgets", "alice", "{\"name\": \"x\", \"weight\": \"2.5\"}");
        HttpResponse<String> quotedBoolean = call("POST", "/api/widgets", "alice", "{\"name\": \"x\", \"shiny\": \"true\"}");
        HttpResponse<String> plain = call("POST", "/api/widgets", "alice",
                "{\"name\": \"x\", \"count\": 2, \"size\": 3, \"weight\": 2, \"shiny\": true}");

        assertThat(fraction.statusCode()).isEqualTo(400);
        assertThat(fraction.body()).contains("\"field\":\"count\"", "must be a whole number");
        assertThat(primitiveFraction.statusCode()).isEqualTo(400);
        assertThat(primitiveFraction.body()).contains("\"field\":\"size\"", "must be a whole number");
        assertThat(quotedInteger.statusCode()).isEqualTo(400);
        assertThat(quotedInteger.body()).contains("\"field\":\"count\"", "must be a whole number");
        assertThat(quotedNumber.statusCode()).isEqualTo(400);
        assertThat(quotedNumber.body()).contains("\"field\":\"weight\"", "must be a number");
        assertThat(quotedBoolean.statusCode()).isEqualTo(400);
        assertThat(quotedBoolean.body()).contains("\"field\":\"shiny\"", "must be true or false");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).contains("\"count\":\"2\"", "\"weight\":\"2.0\"");
    }

    @Test
    void aStoreThatDoesNotAnswerIsA503ToTryAgainNotA500() throws Exception {
        HttpResponse<String> away = call("GET", "/api/widgets/from-a-store-that-is-away", "alice", null);

        assertThat(away.statusCode()).isEqualTo(503);
        assertThat(away.headers().firstValue("Retry-After")).contains("1");
        assertThat(away.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(away.body()).contains("\"title\":\"Service unavailable\"", "Try again shortly").doesNotContain("127.0.0.1", "Exception");
    }

    @Test
    void theCorrelationIdComesBackAndReachesTheController() throws Exception {
        HttpResponse<String> echoed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/widgets/echo"))
                .header(IdentityTokens.HEADER, TOKENS.sign(new Member("alice", "uni-a"), List.of("member"), Duration.ofSeconds(60)))
                .header("X-Request-Id", "req-77").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(echoed.headers().firstValue("X-Request-Id")).contains("req-77");
        assertThat(echoed.body()).contains("req-77", "alice");
    }

    @Test
    void theApiDocumentListsTheProblemsEachOperationCanAnswerWith() throws Exception {
        HttpResponse<String> doc = call("GET", "/v3/api-docs", null, null);

        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("/api/widgets/{id}", "\"401\"", "\"404\"", "\"400\"", "application/problem+json", "bearer")
                .doesNotContain("memberId\",\"in\":\"query");
    }

    private static HttpResponse<String> call(String method, String path, String member, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (member != null) {
            request.header(IdentityTokens.HEADER, TOKENS.sign(new Member(member, "uni-a"), List.of("member"), Duration.ofSeconds(60)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(WidgetController.class)
    static class WidgetApp {
    }

    @RestController
    static class WidgetController {

        record NewWidget(String name, Integer count, Long size, Double weight, Boolean shiny) {
        }

        @PostMapping("/api/widgets")
        Map<String, String> add(Member member, @RequestBody NewWidget widget) {
            if (widget.name() == null || widget.name().isBlank()) {
                throw new InvalidInputException("name", "is required");
            }
            return Map.of("name", widget.name(), "count", String.valueOf(widget.count()),
                    "weight", String.valueOf(widget.weight()));
        }

        @GetMapping("/api/widgets/{id}")
        Map<String, String> get(Member member, @PathVariable String id) {
            return switch (id) {
                case "taken" -> throw new ConflictException("taken", Map.of("existingId", "w-9"));
                case "broken" -> throw new IllegalStateException("secret internals");
                case "from-a-store-that-is-away" -> fromAStoreThatIsAway();
                case "echo" -> Map.of("member", member.memberId(), "correlation", io.rapport.platform.correlation.Correlation.current());
                default -> throw new NotFoundException("widget", id);
            };
        }

        /** A real query against a port nobody listens on: the driver's timeout, translated by Spring Data. */
        private static Map<String, String> fromAStoreThatIsAway() {
            int closed;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                closed = socket.getLocalPort();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(
                    "mongodb://127.0.0.1:" + closed + "/?serverSelectionTimeoutMS=300")) {
                new org.springframework.data.mongodb.core.MongoTemplate(client, "away")
                        .findById("w-1", org.bson.Document.class, "widgets");
            }
            return Map.of();
        }
    }
}
