package io.rapport.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls the running system only through its gateway, as a member would: with a bearer token
 * from the embedded default's {@code POST /auth/dev-token}. Used by the demo member and the
 * end-to-end tests.
 */
final class GatewayClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI gateway;
    private final String tenant;
    private final String role;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    GatewayClient(URI gateway, String tenant) {
        this(gateway, tenant, "member");
    }

    private GatewayClient(URI gateway, String tenant, String role) {
        this.gateway = gateway;
        this.tenant = tenant;
        this.role = role;
    }

    /** The same gateway and tenant, calling with another role's tokens (admin, advisor). */
    GatewayClient as(String role) {
        return new GatewayClient(gateway, tenant, role);
    }

    String tenant() {
        return tenant;
    }

    Response get(String path, String member) {
        return call("GET", path, member, Map.of(), null);
    }

    Response post(String path, String member, String json) {
        return call("POST", path, member, Map.of(), json);
    }

    Response put(String path, String member, String json) {
        return call("PUT", path, member, Map.of(), json);
    }

    Response delete(String path, String member) {
        return call("DELETE", path, member, Map.of(), null);
    }

    /** {@code member} null: no token at all. */
    Response call(String method, String path, String member, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (member != null) {
            request.header("Authorization", "Bearer " + tokenFor(member));
        }
        headers.forEach(request::setHeader); // a Content-Type given here replaces the JSON default
        return send(request);
    }

    private String tokenFor(String member) {
        return tokens.computeIfAbsent(member, name -> {
            Response issued = send(HttpRequest.newBuilder(URI.create(gateway + "/auth/dev-token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"member\": \"" + name + "\", \"tenant\": \"" + tenant + "\", \"roles\": [\"" + role + "\"]}")));
            if (issued.status() != 200) {
                throw new IllegalStateException("No dev token for " + name + ": " + issued);
            }
            return issued.json().path("access_token").asText();
        });
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            return new Response(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(HttpResponse<String> raw) {
        int status() {
            return raw.statusCode();
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + raw.body(), e);
            }
        }

        String text(String field) {
            return json().path(field).asText();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
