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
                .header("X-Rapport-Identity", identityToken(member));
        return send(request);
    }

    /**
     * What the gateway sends a service for a member: an HS256 token signed with the run's secret (the launcher and
     * the services read the same RAPPORT_IDENTITY_SECRET), valid for a minute; one per member, renewed after 30 s.
     */
    private String identityToken(String member) {
        long now = System.currentTimeMillis() / 1000;
        Signed cached = identities.get(member);
        if (cached != null && now - cached.issuedAt() < 30) {
            return cached.token();
        }
        String secret = System.getenv("RAPPORT_IDENTITY_SECRET");
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("RAPPORT_IDENTITY_SECRET must be set (./rapport bench sets it)");
        }
        String header = base64Url("{\"alg\":\"HS256\"}");
        String claims = base64Url("{\"iss\":\"rapport-gateway\",\"aud\":\"rapport-services\",\"sub\":\"" + member
                + "\",\"tenant\":\"" + TENANT + "\",\"roles\":[\"member\"],\"iat\":" + now + ",\"exp\":" + (now + 60) + "}");
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal((header + "." + claims).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            String token = header + "." + claims + "." + signature;
            identities.put(member, new Signed(token, now));
            return token;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private record Signed(String token, long issuedAt) {
    }

    private final Map<String, Signed> identities = new java.util.concurrent.ConcurrentHashMap<>();

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
        JsonNode job = upload(member, csv);
        for (int tries = 0; "FAILED".equals(job.path("status").asText()) && job.path("failure").asText().contains("busy")
                && tries < 600; tries++) {
            // This instance runs a few imports at a time; the same key picks the job up again.
            pause(500);
            job = upload(member, csv);
        }
        String path = "/api/contacts/imports/" + job.path("id").asText();
        while (!job.path("done").asBoolean(false)) {
            if ("FAILED".equals(job.path("status").asText())) {
                throw new IllegalStateException("import of " + member + " failed: " + job.path("failure").asText());
            }
            pause(20);
            job = direct("contacts", "GET", path, member, null).require("import progress of " + member).json();
        }
        return job;
    }

    private JsonNode upload(String member, String csv) {
        HttpRequest.Builder request = request(URI.create(services.get("contacts") + "/api/contacts/import"), "POST",
                "text/csv", csv).header("X-Rapport-Identity", identityToken(member))
                .header("Idempotency-Key", "bench-import-" + member + "-" + Integer.toHexString(csv.hashCode()));
        return send(request).require("import of " + member).json();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
