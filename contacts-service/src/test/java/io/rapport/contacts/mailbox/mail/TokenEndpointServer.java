package io.rapport.contacts.mailbox.mail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real OAuth2 token endpoint on loopback (the JDK's HTTP server) for the refresh-token grant of RFC 6749 §6: it
 * checks the form as a provider does (POST, form-encoded, {@code grant_type=refresh_token}, this client's id and
 * secret in the form or as HTTP Basic) and answers JSON per refresh token as the test says: an access token
 * (perhaps with a new refresh token, the old one then refused as providers do), {@code invalid_grant}, or a status.
 */
public final class TokenEndpointServer implements AutoCloseable {

    /**
     * What the endpoint answers for one refresh token.
     *
     * @param rotatedTo the new refresh token issued; the one given is then refused ({@code invalid_grant})
     */
    public record Answer(int status, String json, long delayMillis, String rotatedTo) {

        public Answer(int status, String json, long delayMillis) {
            this(status, json, delayMillis, null);
        }

        public static Answer token(String accessToken, long expiresIn, String newRefreshToken) {
            return new Answer(200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                    + expiresIn + (newRefreshToken == null ? "" : ",\"refresh_token\":\"" + newRefreshToken + "\"")
                    + ",\"scope\":\"https://mail.example/imap\"}", 0, newRefreshToken);
        }

        public static Answer error(int status, String error) {
            return new Answer(status, "{\"error\":\"" + error + "\",\"error_description\":\"as the test says\"}", 0);
        }
    }

    private final HttpServer server;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    /** The form of every request that passed the checks, in order. */
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    /** Why requests were refused before their refresh token was looked at (a wrong form or client). */
    private final List<String> refusals = new CopyOnWriteArrayList<>();

    public TokenEndpointServer(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/token", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-token-endpoint");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    /** From now on, {@code refreshToken} gets {@code answer}. */
    public TokenEndpointServer answer(String refreshToken, Answer answer) {
        answers.put(refreshToken, answer);
        return this;
    }

    public List<Map<String, String>> requests() {
        return List.copyOf(requests);
    }

    /** How many exchanges were asked for with this refresh token. */
    public long exchangesOf(String refreshToken) {
        return requests.stream().filter(form -> refreshToken.equals(form.get("refresh_token"))).count();
    }

    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = form(body);
            String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            String basic = exchange.getRequestHeaders().getFirst("Authorization");
            String id = form.get("client_id");
            String secret = form.get("client_secret");
            if (basic != null && basic.startsWith("Basic ")) {
                String[] pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8)
                        .split(":", 2);
                id = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
                secret = pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : null;
            }
            String refused = !"POST".equals(exchange.getRequestMethod()) ? "method " + exchange.getRequestMethod()
                    : !contentType.startsWith("application/x-www-form-urlencoded") ? "content type " + contentType
                    : !"refresh_token".equals(form.get("grant_type")) ? "grant_type " + form.get("grant_type")
                    : form.get("refresh_token") == null ? "no refresh_token"
                    : !clientId.equals(id) || (clientSecret != null && !clientSecret.equals(secret)) ? "client" : null;
            if (refused != null) {
                refusals.add(refused);
                send(exchange, "client".equals(refused) ? Answer.error(401, "invalid_client")
                        : Answer.error(400, "invalid_request"));
                return;
            }
            requests.add(form);
            Answer answer = answers.getOrDefault(form.get("refresh_token"), Answer.error(400, "invalid_grant"));
            if (answer.rotatedTo() != null) {
                answers.remove(form.get("refresh_token"));
            }
            send(exchange, answer);
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] json = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(answer.status(), json.length);
        exchange.getResponseBody().write(json);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    /** What the endpoint was sent and refused, for an assertion's message. */
    @Override
    public String toString() {
        List<String> seen = new ArrayList<>();
        requests.forEach(form -> seen.add(form.keySet().toString()));
        return "TokenEndpointServer[requests " + seen + ", refusals " + refusals + "]";
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
