package io.rapport.gateway;

import static io.rapport.gateway.GatewayCalls.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    private static final String ALICE = TestIdentityProvider.member("alice", "uni-a");

    @LocalServerPort
    int port;

    private static boolean warmedUp;

    /**
     * The first proxied request of a fresh gateway fetches the identity provider's keys and opens the upstream
     * connection pool; on a busy CI machine that once took longer than a test's 20 s. Made once here, untimed, so
     * each test measures only what it asserts.
     */
    @org.junit.jupiter.api.BeforeEach
    void firstRequestMade() throws Exception {
        if (warmedUp) {
            return;
        }
        warmedUp = true;
        GatewayCalls.send(port, "/api/contacts", ALICE, HttpRequest.newBuilder().GET(), Duration.ofSeconds(90));
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StubServices.routeTo(registry);
    }

    @ParameterizedTest
    @CsvSource({
        "/api/contacts, contacts",
        "/api/contacts/c-1?x=1, contacts",
        "/api/employers/e-1, contacts",
        "/api/me, contacts",
        "/api/scheduling/contacts, scheduling",
        "/api/interviews/i-1, scheduling",
        "/api/calendar/feeds/t.ics, scheduling",
        "/api/notes/i-1, notes",
        "/api/synthesis, notes",
        "/api/reminders, reminders",
        "/api/preferences, reminders",
    })
    void eachPathReachesTheServiceThatOwnsIt(String path, String service) throws Exception {
        HttpResponse<String> response = get(port, path, ALICE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("service=" + service + "\n", "path=" + path + "\n");
    }

    @Test
    void unknownPathsAreNotFoundProblems() throws Exception {
        HttpResponse<String> response = get(port, "/api/nothing-here", ALICE);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":404");
    }

    @Test
    void theServicesSeeTheTokensMemberSignedByTheGatewayNeverTheHeadersAClientSends() throws Exception {
        HttpResponse<String> response = GatewayCalls.send(port, "/api/contacts", ALICE, HttpRequest.newBuilder()
                .header("X-Member-Id", "someone-else").header("X-Tenant-Id", "other-org").header("X-Member-Roles", "admin")
                .header("X-Rapport-Identity", "eyJhbGciOiJub25lIn0.e30.").GET());

        assertThat(response.body()).doesNotContain("someone-else", "other-org", "x-member-id", "x-tenant-id", "x-member-roles",
                "eyJhbGciOiJub25lIn0");
        JWTClaimsSet identity = identityTheServiceReceived(response.body());
        assertThat(identity.getSubject()).isEqualTo("alice");
        assertThat(identity.getStringClaim("tenant")).isEqualTo("uni-a");
        assertThat(identity.getStringListClaim("roles")).containsExactly("member");
        assertThat(identity.getAudience()).containsExactly("rapport-services");
        assertThat(identity.getIssuer()).isEqualTo("rapport-gateway");
        assertThat(Duration.between(Instant.now(), identity.getExpirationTime().toInstant())).isBetween(Duration.ofSeconds(40), Duration.ofSeconds(61));
    }

    /** The identity token in a stub's echo of its request headers, checked against the shared secret. */
    static JWTClaimsSet identityTheServiceReceived(String echoed) throws Exception {
        String token = echoed.lines().filter(line -> line.startsWith("x-rapport-identity=")).findFirst()
                .orElseThrow(() -> new AssertionError("no identity token reached the service: " + echoed))
                .substring("x-rapport-identity=".length());
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.verify(new MACVerifier(StubServices.IDENTITY_SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        return jwt.getJWTClaimsSet();
    }

    @Test
    void everyRequestCarriesACorrelationIdAndATraceparentToTheServiceAndTheIdBack() throws Exception {
        HttpResponse<String> given = GatewayCalls.send(port, "/api/contacts", ALICE,
                HttpRequest.newBuilder().header("X-Request-Id", "req-42")
                        .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").GET());
        HttpResponse<String> unsampled = GatewayCalls.send(port, "/api/contacts", ALICE, HttpRequest.newBuilder()
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00").GET());
        HttpResponse<String> made = get(port, "/api/contacts", ALICE);
        HttpResponse<String> unsafe = GatewayCalls.send(port, "/api/contacts", ALICE,
                HttpRequest.newBuilder().header("X-Request-Id", "bad id with spaces {}").GET());

        assertThat(given.body()).as("the client's trace goes on, its child the gateway's span")
                .contains("x-request-id=req-42").containsPattern("traceparent=00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01")
                .doesNotContain("00f067aa0ba902b7");
        assertThat(unsampled.body()).as("the client's decision not to record holds downstream")
                .containsPattern("traceparent=00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-00")
                .doesNotContain("00f067aa0ba902b7");
        assertThat(given.headers().allValues("X-Request-Id")).as("once, though the service echoes it").containsExactly("req-42");
        String generated = made.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(made.body()).contains("x-request-id=" + generated).containsPattern("traceparent=00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(unsafe.headers().firstValue("X-Request-Id").orElseThrow()).doesNotContain("bad id");
        assertThat(get(port, "/api/contacts", null).headers().firstValue("X-Request-Id")).as("errors carry it too").isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/contacts/..%2F..%2Fx", "/api/contacts/%00", "/api/contacts/a%2Fb", "/api/contacts/%2e%2e/x"})
    void oddPathsAreRefusedWithAProblemNotAnEmptyAnswer(String path) throws Exception {
        HttpResponse<String> response = get(port, path, ALICE);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":400", "\"title\":\"Bad request\"").doesNotContain("service=");
    }

    @Test
    void aTokenWithAControlCharacterIsRefusedByTheFirewallNotJudgedAsAToken() throws Exception {
        // Byte 0x85 is a C1 control (NEL) once read as ISO-8859-1, as HTTP header bytes are: the HTTP parser lets it
        // through; the firewall refuses it when the header is read behind it (a bad token would be a 401 instead).
        // The firewall's header checks are HeaderCharacters' loops (HeaderCharactersTest: same answers as its expressions).
        String refused = rawGet("Authorization: Bearer " + ALICE + "\u0085");

        assertThat(refused).startsWith("HTTP/1.1 400").contains("application/problem+json", "\"title\":\"Bad request\"")
                .doesNotContain("service=");
        assertThat(get(port, "/api/contacts", ALICE).statusCode()).isEqualTo(200);
    }

    private String rawGet(String authorization) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String request = "GET /api/contacts HTTP/1.1\r\nHost: 127.0.0.1\r\n" + authorization + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void eachRoutesRateErrorsAndLatencyAreOnThePrometheusEndpoint() throws Exception {
        String contacts = "routeId=\"contacts-service\"";
        double before = routeRequests(contacts);

        assertThat(get(port, "/api/contacts/c-7", ALICE).statusCode()).isEqualTo(200);

        String metrics = get(port, "/actuator/prometheus", null).body();
        assertThat(routeRequests(contacts)).isEqualTo(before + 1);
        assertThat(metrics)
                .containsPattern("spring_cloud_gateway_requests_seconds_bucket\\{(?=[^}]*routeId=\"contacts-service\")(?=[^}]*le=\"0\\.25\")")
                .containsPattern("spring_cloud_gateway_requests_seconds_count\\{(?=[^}]*routeId=\"contacts-service\")(?=[^}]*httpStatusCode=\"200\")");
    }

    private double routeRequests(String route) throws Exception {
        return get(port, "/actuator/prometheus", null).body().lines()
                .filter(line -> line.startsWith("spring_cloud_gateway_requests_seconds_count{") && line.contains(route))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void healthIsPublicAndUp() throws Exception {
        HttpResponse<String> health = get(port, "/actuator/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void calendarAppsReachTheirFeedWithoutABearerTokenButNeverWithAnIdentity() throws Exception {
        HttpResponse<String> feed = GatewayCalls.send(port, "/api/calendar/feeds/abc123.ics", null,
                HttpRequest.newBuilder().header("X-Member-Id", "alice").header("X-Tenant-Id", "uni-a").GET());

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).contains("service=scheduling\n").doesNotContain("x-member-id", "x-tenant-id", "x-rapport-identity");
        assertThat(get(port, "/api/calendar/feeds", null).statusCode()).as("managing feeds needs a token").isEqualTo(401);
    }

    @Test
    void oneSwaggerUiListsEveryServicesApiDocument() throws Exception {
        HttpResponse<String> config = get(port, "/v3/api-docs/swagger-config", null);
        HttpResponse<String> contactsDoc = get(port, "/openapi/contacts-service", null);

        assertThat(get(port, "/swagger-ui.html", null).statusCode()).isIn(200, 302);
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("/openapi/contacts-service", "/openapi/scheduling-service",
                "/openapi/notes-service", "/openapi/reminders-service");
        assertThat(contactsDoc.statusCode()).isEqualTo(200);
        assertThat(contactsDoc.body()).contains("service=contacts\n", "path=/v3/api-docs\n");
    }

    @Test
    void devTokensDoNotExistOutsideTheEmbeddedDefault() throws Exception {
        HttpResponse<String> response = GatewayCalls.send(port, "/auth/dev-token", null, HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"member\": \"mallory\", \"tenant\": \"uni-a\"}")));

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
