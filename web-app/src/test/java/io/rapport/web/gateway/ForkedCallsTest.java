package io.rapport.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import io.rapport.web.WebProperties;
import io.rapport.web.signin.DiscoveredProvider;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** A page's independent calls made at once, each with the member's token, and a refusal read where it is joined. */
class ForkedCallsTest {

    private HttpServer api;
    private final ConcurrentLinkedQueue<String> tokensSeen = new ConcurrentLinkedQueue<>();
    private Gateway gateway;

    @BeforeEach
    void start() throws IOException {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        api.createContext("/slow", exchange -> {
            tokensSeen.add(exchange.getRequestHeaders().getFirst("Authorization"));
            sleep(400);
            answer(exchange, 200, "[{\"n\": 1}]");
        });
        api.createContext("/missing", exchange -> answer(exchange, 404,
                "{\"title\": \"Not found\", \"status\": 404}"));
        api.start();

        OAuth2AuthorizedClientRepository clients = mock(OAuth2AuthorizedClientRepository.class);
        ClientRegistration registration = ClientRegistration.withRegistrationId(DiscoveredProvider.REGISTRATION_ID)
                .clientId("rapport-web").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1/login").authorizationUri("http://idp/authorize").tokenUri("http://idp/token").build();
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "the-members-token",
                Instant.now(), Instant.now().plusSeconds(300));
        when(clients.loadAuthorizedClient(eq(DiscoveredProvider.REGISTRATION_ID), any(), any()))
                .thenReturn(new OAuth2AuthorizedClient(registration, "demo", token));
        gateway = new Gateway(new WebProperties("http://127.0.0.1:" + api.getAddress().getPort(), "http://idp",
                "rapport-web", null, null), clients);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("demo", null));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }

    @AfterEach
    void stop() {
        api.stop(0);
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void independentCallsRunAtOnceEachWithTheMembersToken() {
        long started = System.nanoTime();
        List<Future<List<Map<String, Object>>>> calls = List.of(gateway.fork(g -> g.list("/slow")),
                gateway.fork(g -> g.list("/slow")), gateway.fork(g -> g.list("/slow")));

        calls.forEach(call -> assertThat(Gateway.join(call)).containsExactly(Map.of("n", 1)));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(tokensSeen).containsExactly("Bearer the-members-token", "Bearer the-members-token",
                "Bearer the-members-token");
        assertThat(millis).as("three 400 ms calls at once, not one after another").isLessThan(1000);
    }

    @Test
    void aRefusedForkedCallIsTheSameProblemWhereItIsJoined() {
        Future<Map<String, Object>> missing = gateway.fork(g -> g.get("/missing"));

        assertThatThrownBy(() -> Gateway.join(missing)).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.isNotFound()).isTrue());
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
