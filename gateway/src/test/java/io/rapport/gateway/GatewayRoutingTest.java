package io.rapport.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    @LocalServerPort
    int port;

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
        "/api/notes/i-1, notes",
        "/api/synthesis, notes",
        "/api/reminders, reminders",
    })
    void eachPathReachesTheServiceThatOwnsIt(String path, String service) throws Exception {
        HttpResponse<String> response = get(path, HttpRequest.newBuilder());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("service=" + service + "\n", "path=" + path + "\n");
    }

    @Test
    void unknownPathsAreNotFound() throws Exception {
        assertThat(get("/api/nothing-here", HttpRequest.newBuilder()).statusCode()).isEqualTo(404);
    }

    @Test
    void identityHeadersSentByAClientNeverReachTheServices() throws Exception {
        HttpResponse<String> response = get("/api/contacts", HttpRequest.newBuilder()
                .header("X-Member-Id", "someone-else").header("X-Tenant-Id", "other-org"));

        assertThat(response.body()).doesNotContain("x-member-id", "x-tenant-id", "someone-else");
    }

    @Test
    void everyRequestCarriesACorrelationIdToTheServiceAndBack() throws Exception {
        HttpResponse<String> given = get("/api/contacts", HttpRequest.newBuilder().header("X-Request-Id", "req-42"));
        HttpResponse<String> made = get("/api/contacts", HttpRequest.newBuilder());
        HttpResponse<String> unsafe = get("/api/contacts", HttpRequest.newBuilder().header("X-Request-Id", "bad id with spaces {}"));

        assertThat(given.body()).contains("x-request-id=req-42");
        assertThat(given.headers().firstValue("X-Request-Id")).contains("req-42");
        String generated = made.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(made.body()).contains("x-request-id=" + generated);
        assertThat(unsafe.headers().firstValue("X-Request-Id").orElseThrow()).doesNotContain("bad id");
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health", HttpRequest.newBuilder());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    private HttpResponse<String> get(String path, HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.uri(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
