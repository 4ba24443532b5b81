package io.rapport.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.test.context.DynamicPropertyRegistry;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.resources.LoopResources;

/**
 * Four stand-in services on loopback that answer with their name, the path and the headers they received.
 *
 * <p>They run on Reactor Netty's server, a production HTTP server like the real services' own, not the JDK's
 * {@code com.sun.net.httpserver}: behind the gateway that one twice left a request unanswered for 20 s in a full
 * build (never reproduced alone) and answered a hand-written HTTP/1.0 request through the gateway with nothing.
 */
final class StubServices {

    /** The secret the gateway signs the services' identity tokens with in these tests. */
    static final String IDENTITY_SECRET = "gateway-tests-identity-secret-of-32-bytes-at-least";
    /** A path ending in this is answered after {@link #SLOW_ANSWER}: slower than some tests' service timeout. */
    private static final String SLOW_PATH = "/slow";
    private static final Duration SLOW_ANSWER = Duration.ofSeconds(3);
    /**
     * The stubs' own event loops: a server on Reactor Netty's global ones would stop whenever a test closes a gateway
     * (a Spring context disposes the global resources it used).
     */
    private static final LoopResources LOOPS = LoopResources.create("stub-service", 1, 2, true);
    private static final Map<String, DisposableServer> SERVERS = new LinkedHashMap<>();

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

    /**
     * Routes {@code service} ("contacts") to {@code lb://contacts-service} over the given instances, as
     * {@code ./rapport run --instances=N} does with the simple discovery client.
     */
    @SafeVarargs
    static void balance(DynamicPropertyRegistry registry, String service, Supplier<Object>... instanceUris) {
        registry.add("rapport.services." + service + "-uri", () -> "lb://" + service + "-service");
        for (int i = 0; i < instanceUris.length; i++) {
            registry.add("spring.cloud.discovery.client.simple.instances." + service + "-service[" + i + "].uri",
                    instanceUris[i]);
        }
    }

    static synchronized String uri(String service) {
        return "http://127.0.0.1:" + SERVERS.computeIfAbsent(service, StubServices::start).port();
    }

    /** A server on loopback, on a port of its own, for a stand-in the gateway calls. */
    static HttpServer onLoopback() {
        return HttpServer.create().host("127.0.0.1").port(0).runOn(LOOPS);
    }

    private static DisposableServer start(String service) {
        return onLoopback().handle((request, response) -> {
            byte[] body = ("service=" + service + "\npath=" + request.uri() + "\n" + headers(request))
                    .getBytes(StandardCharsets.UTF_8);
            // Like the real services, which echo the correlation id they were given.
            String requestId = request.requestHeaders().get("X-Request-Id");
            if (requestId != null) {
                response.header("X-Request-Id", requestId);
            }
            response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
            Mono<Long> pause = request.fullPath().endsWith(SLOW_PATH) ? Mono.delay(SLOW_ANSWER) : Mono.empty();
            return pause.then(response.sendByteArray(Mono.just(body)).then());
        }).bindNow();
    }

    /** One line per header name, lower case, in name order; repeated headers' values joined by commas. */
    private static String headers(HttpServerRequest request) {
        Map<String, List<String>> byName = new TreeMap<>();
        for (Map.Entry<String, String> header : request.requestHeaders()) {
            byName.computeIfAbsent(header.getKey().toLowerCase(), name -> new ArrayList<>()).add(header.getValue());
        }
        return byName.entrySet().stream().map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    private StubServices() {
    }
}
