package io.rapport.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default as {@code ./rapport run} starts it: the gateway finds the sign-in provider (the auth-server
 * module) by issuer discovery, and keeps handing out dev tokens for curl. The provider here is a stand-in on loopback
 * serving a discovery document and a key set, as Spring Authorization Server does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("embedded")
class EmbeddedProviderTest {

    private static final RSAKey PROVIDER_KEY = key();
    private static final AtomicInteger DISCOVERIES = new AtomicInteger();
    private static HttpServer provider;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StubServices.routeTo(registry);
        registry.add("rapport.gateway.jwt.issuer-uri", EmbeddedProviderTest::issuer);
    }

    @Test
    void theProvidersTokenReachesTheServiceAsItsMember() throws Exception {
        HttpResponse<String> call = GatewayCalls.get(port, "/api/contacts", signed(PROVIDER_KEY, issuer(), "demo"));

        assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
        JWTClaimsSet identity = GatewayRoutingTest.identityTheServiceReceived(call.body());
        assertThat(identity.getSubject()).isEqualTo("demo");
        assertThat(identity.getStringClaim("tenant")).isEqualTo("demo-university");
        assertThat(DISCOVERIES.get()).as("the provider was found by its discovery document").isPositive();
    }

    @Test
    void devTokensStillWorkBesideTheProvider() throws Exception {
        HttpResponse<String> issued = GatewayCalls.send(port, "/auth/dev-token", null, HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"member\": \"alice\", \"tenant\": \"state-university\"}")));
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(issued.body());
        assertThat(token.find()).isTrue();

        assertThat(GatewayCalls.get(port, "/api/contacts", token.group(1)).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenNamingTheProviderButSignedByAnotherKeyIsRefused() throws Exception {
        assertThat(GatewayCalls.get(port, "/api/contacts", signed(key(), issuer(), "mallory")).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenNamingTheDevIssuerButSignedByTheProviderIsRefused() throws Exception {
        assertThat(GatewayCalls.get(port, "/api/contacts", signed(PROVIDER_KEY, "rapport-embedded", "mallory")).statusCode())
                .isEqualTo(401);
    }

    private static String signed(RSAKey key, String issuer, String member) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(List.of("rapport-web", "rapport"))
                .subject(member).claim("tenant", "demo-university").claim("roles", List.of("member"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static synchronized String issuer() {
        if (provider == null) {
            try {
                provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                provider.createContext("/.well-known/openid-configuration", exchange -> {
                    DISCOVERIES.incrementAndGet();
                    String base = "http://127.0.0.1:" + provider.getAddress().getPort();
                    respond(exchange, "{\"issuer\": \"" + base + "\", \"jwks_uri\": \"" + base + "/oauth2/jwks\","
                            + " \"authorization_endpoint\": \"" + base + "/oauth2/authorize\", \"token_endpoint\": \"" + base
                            + "/oauth2/token\", \"subject_types_supported\": [\"public\"], \"response_types_supported\": [\"code\"],"
                            + " \"id_token_signing_alg_values_supported\": [\"RS256\"]}");
                });
                provider.createContext("/oauth2/jwks", exchange -> respond(exchange, new JWKSet(PROVIDER_KEY.toPublicJWK()).toString()));
                provider.start();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return "http://127.0.0.1:" + provider.getAddress().getPort();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws java.io.IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
