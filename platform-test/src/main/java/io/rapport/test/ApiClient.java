package io.rapport.test;

import io.rapport.platform.domain.Member;
import io.rapport.platform.web.IdentityTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls a service's (or the gateway's) HTTP API as a member would, and reads the JSON answers. */
public final class ApiClient {

    /**
     * The identity secret every service integration test runs with ({@link ServiceIntegrationTest} sets it), so
     * {@link #as} can sign the token the gateway would.
     */
    public static final String IDENTITY_SECRET = "rapport-integration-tests-identity-secret-not-for-production";
    private static final IdentityTokens TOKENS = new IdentityTokens(IDENTITY_SECRET);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final List<String> headers;

    private ApiClient(String baseUrl, List<String> headers) {
        this.baseUrl = baseUrl;
        this.headers = List.copyOf(headers);
    }

    public static ApiClient at(String baseUrl) {
        return new ApiClient(baseUrl, List.of());
    }

    /**
     * The same client with the identity token the gateway signs for an authenticated member (valid for a minute;
     * each call of {@code as} signs a new one).
     */
    public ApiClient as(String memberId, String tenantId) {
        return header(IdentityTokens.HEADER, identityToken(memberId, tenantId));
    }

    /** The token the gateway would send a service for this member, signed with {@link #IDENTITY_SECRET}. */
    public static String identityToken(String memberId, String tenantId) {
        return TOKENS.sign(new Member(memberId, tenantId), List.of("member"), IdentityTokens.MAX_LIFETIME);
    }

    public ApiClient header(String name, String value) {
        List<String> more = new ArrayList<>(headers);
        more.add(name);
        more.add(value);
        return new ApiClient(baseUrl, more);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json"));
    }

    public Response put(String path, String json) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json"));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (!headers.isEmpty()) {
            builder.headers(headers.toArray(String[]::new));
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: its status, headers and body as JSON (an empty object node when there is no body). */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public JsonNode json() {
            String body = raw.body();
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        }

        public String text(String field) {
            return json().path(field).asString();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status() + " " + raw.body();
        }
    }
}
