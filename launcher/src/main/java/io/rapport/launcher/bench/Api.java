package io.rapport.launcher.bench;

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
 * HTTP calls for the benchmark, two ways: {@link #direct} to a service with the identity headers the gateway
 * would set (for seeding and for polling faster than the gateway's per-member rate limit allows), and
 * {@link #viaGateway} with a dev token, as a member's client calls.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TENANT = "bench-university";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI gateway;
    private final Map<String, URI> services;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** @param services "contacts", "scheduling", "notes", "reminders" → base URI */
    Api(URI gateway, Map<String, URI> services) {
        this.gateway = gateway;
        this.services = services;
    }

    /** A service's path, e.g. direct("contacts", "POST", "/api/contacts", "m1", json). */
    Response direct(String service, String method, String path, String member, String contentType, String body) {
        HttpRequest.Builder request = request(URI.create(services.get(service) + path), method, contentType, body)
                .header("X-Member-Id", member).header("X-Tenant-Id", TENANT);
        return send(request);
    }

    Response direct(String service, String method, String path, String member, String json) {
        return direct(service, method, path, member, json == null ? null : "application/json", json);
    }

    /**
     * A LinkedIn import as the service runs it, a job: the upload (202 with the job), then its progress followed
     * every 20 ms until done.
     *
     * @return the finished job: created, duplicates, invalid and the per-row report
     */
    JsonNode importContacts(String member, String csv) {
        JsonNode job = direct("contacts", "POST", "/api/contacts/import", member, "text/csv", csv)
                .require("import of " + member).json();
        String path = "/api/contacts/imports/" + job.path("id").asText();
        while (!job.path("done").asBoolean(false)) {
            if ("FAILED".equals(job.path("status").asText())) {
                throw new IllegalStateException("import of " + member + " failed: " + job.path("failure").asText());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            job = direct("contacts", "GET", path, member, null).require("import progress of " + member).json();
        }
        return job;
    }

    Response viaGateway(String method, String path, String member, String json) {
        HttpRequest.Builder request = request(URI.create(gateway + path), method, json == null ? null : "application/json", json)
                .header("Authorization", "Bearer " + tokenFor(member));
        return send(request);
    }

    /** Fetched once per member, before timing starts, so token issuing is not part of any figure. */
    String tokenFor(String member) {
        return tokens.computeIfAbsent(member, name -> {
            Response issued = send(request(URI.create(gateway + "/auth/dev-token"), "POST", "application/json",
                    "{\"member\": \"" + name + "\", \"tenant\": \"" + TENANT + "\", \"roles\": [\"member\"]}"));
            if (issued.status() != 200) {
                throw new IllegalStateException("No dev token for " + name + ": " + issued);
            }
            return issued.json().path("access_token").asText();
        });
    }

    private static HttpRequest.Builder request(URI uri, String method, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            return new Response(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException(request.build().uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(HttpResponse<String> raw) {
        int status() {
            return raw.statusCode();
        }

        boolean ok() {
            return raw.statusCode() / 100 == 2;
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + raw.statusCode() + "): " + raw.body(), e);
            }
        }

        Response require(String what) {
            if (!ok()) {
                String body = raw.body();
                throw new IllegalStateException(what + " answered " + raw.statusCode() + ": "
                        + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
            }
            return this;
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
