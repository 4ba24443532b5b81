package io.rapport.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A page asked for without a session goes to the provider found by discovery, with the authorization code and a PKCE
 * challenge (S256); the health probe needs no sign-in. The provider is a stand-in serving a discovery document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInRedirectTest {

    private static HttpServer provider;

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new java.net.CookieManager()).build();

    @DynamicPropertySource
    static void providerAddress(DynamicPropertyRegistry registry) {
        registry.add("rapport.web.issuer-uri", SignInRedirectTest::issuer);
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.stop(0);
        }
    }

    @Test
    void aPageWithoutASessionStartsTheSignInWithAProofKey() throws Exception {
        HttpResponse<String> page = get("/contacts");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/rapport");

        HttpResponse<String> signIn = get("/oauth2/authorization/rapport");
        String authorize = signIn.headers().firstValue("Location").orElseThrow();

        assertThat(authorize).startsWith(issuer() + "/oauth2/authorize?")
                .contains("response_type=code", "client_id=rapport-web", "code_challenge=", "code_challenge_method=S256",
                        "scope=openid%20profile", "redirect_uri=http://localhost:" + port + "/login/oauth2/code/rapport");
    }

    @Test
    void theHealthProbeNeedsNoSignIn() throws Exception {
        HttpResponse<String> health = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static synchronized String issuer() {
        if (provider == null) {
            try {
                provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                provider.createContext("/.well-known/openid-configuration", exchange -> {
                    String base = "http://127.0.0.1:" + provider.getAddress().getPort();
                    byte[] body = ("{\"issuer\": \"" + base + "\", \"authorization_endpoint\": \"" + base + "/oauth2/authorize\","
                            + " \"token_endpoint\": \"" + base + "/oauth2/token\", \"jwks_uri\": \"" + base + "/oauth2/jwks\","
                            + " \"userinfo_endpoint\": \"" + base + "/userinfo\", \"end_session_endpoint\": \"" + base + "/connect/logout\","
                            + " \"subject_types_supported\": [\"public\"], \"response_types_supported\": [\"code\"],"
                            + " \"id_token_signing_alg_values_supported\": [\"RS256\"], \"code_challenge_methods_supported\": [\"S256\"]}")
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
                provider.start();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return "http://127.0.0.1:" + provider.getAddress().getPort();
    }
}
