package io.rapport.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Four stand-in services on loopback that answer with their name, the path and the headers they received. */
final class StubServices {

    /** The secret the gateway signs the services' identity tokens with in these tests. */
    static final String IDENTITY_SECRET = "gateway-tests-identity-secret-of-32-bytes-at-least";
    private static final Map<String, HttpServer> SERVERS = new LinkedHashMap<>();

    /**
     * Points the gateway's four service addresses at the stubs, its token checks at the test identity provider, and
     * gives it the identity secret.
     */
    static void routeTo(DynamicPropertyRegistry registry) {
        registry.add("rapport.gateway.jwt.jwk-set-uri", TestIdentityProvider::jwkSetUri);
        registry.add("rapport.gateway.jwt.issuer", () -> TestIdentityProvider.ISSUER);
        registry.add("rapport.identity.secret", () -> IDENTITY_SECRET);
        for (String service : new String[] {"contacts", "scheduling", "notes", "reminders", "insights"}) {
            registry.add("rapport.services." + service + "-uri", () -> uri(service));
        }
    }

    static synchronized String uri(String service) {
        return "http://127.0.0.1:" + SERVERS.computeIfAbsent(service, StubServices::start).getAddress().getPort();
    }

    private static HttpServer start(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                    try {
                        Thread.sleep(3000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                String headers = exchange.getRequestHeaders().entrySet().stream()
                        .map(e -> e.getKey().toLowerCase() + "=" + String.join(",", e.getValue()))
                        .sorted().collect(Collectors.joining("\n"));
                byte[] body = ("service=" + service + "\npath=" + exchange.getRequestURI() + "\n" + headers)
                        .getBytes(StandardCharsets.UTF_8);
                // Like the real services, which echo the correlation id they were given.
                String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
                if (requestId != null) {
                    exchange.getResponseHeaders().add("X-Request-Id", requestId);
                }
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private StubServices() {
    }
}
