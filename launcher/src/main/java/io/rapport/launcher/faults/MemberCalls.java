package io.rapport.launcher.faults;

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
 * A member's client of the gateway, as an app would be one: a bearer token from {@code POST /auth/dev-token},
 * fetched again when refused (the gateway signs dev tokens with a key made at its start, so a restarted gateway
 * refuses the old ones), and a bounded wait. A call that gets no answer (connection refused, reset, timed out) is
 * status -1: the client cannot know whether it took effect.
 */
final class MemberCalls {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than the gateway's own route timeout (10 s), so a slow answer is the gateway's to give. */
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final URI gateway;
    private final String tenant;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    MemberCalls(URI gateway, String tenant) {
        this.gateway = gateway;
        this.tenant = tenant;
    }

    /** One answer: the status (-1 for none) and the body. */
    record Answer(int status, String body, long startedMillis) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** No answer or a server error: the request may or may not have taken effect. */
        boolean uncertain() {
            return status < 0 || status >= 500 || status == 429;
        }

        JsonNode json() {
            try {
                return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
            } catch (IOException e) {
                return JSON.missingNode();
            }
        }

        String text(String field) {
            return json().path(field).asText(null);
        }

        /** The id of what was created: at the top, or of the outreach an outreach answer carries. */
        String id() {
            JsonNode json = json();
            return json.has("id") ? json.path("id").asText(null) : json.path("outreach").path("id").asText(null);
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
            return (status < 0 ? "no answer" : Integer.toString(status)) + " " + shown;
        }
    }

    Answer get(String member, String path) {
        return call(member, "GET", path, null);
    }

    Answer post(String member, String path, String json) {
        return call(member, "POST", path, json);
    }

    Answer put(String member, String path, String json) {
        return call(member, "PUT", path, json);
    }

    Answer call(String member, String method, String path, String json) {
        long started = System.currentTimeMillis();
        String token = token(member);
        if (token == null) {
            return new Answer(-1, "no dev token (the gateway did not answer)", started);
        }
        Answer answer = send(method, path, json, token, started);
        for (int attempt = 0; answer.status() == 401 && attempt < 3; attempt++) {
            tokens.remove(member, token);
            token = token(member);
            if (token == null) {
                return new Answer(-1, "no dev token (the gateway did not answer)", started);
            }
            answer = send(method, path, json, token, started);
        }
        return answer;
    }

    private Answer send(String method, String path, String json, String token, long started) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), started);
        } catch (IOException e) {
            return new Answer(-1, e.toString(), started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted", started);
        }
    }

    private String token(String member) {
        String cached = tokens.get(member);
        if (cached != null) {
            return cached;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/auth/dev-token")).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"member\": \"" + member + "\", \"tenant\": \"" + tenant
                        + "\", \"roles\": [\"member\"]}"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            String token = JSON.readTree(response.body()).path("access_token").asText(null);
            if (token != null) {
                tokens.put(member, token);
            }
            return token;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
