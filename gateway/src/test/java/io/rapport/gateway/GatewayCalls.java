package io.rapport.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to the gateway under test. */
final class GatewayCalls {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private GatewayCalls() {
    }

    static HttpResponse<String> get(int port, String path, String token) throws Exception {
        return send(port, path, token, HttpRequest.newBuilder().GET());
    }

    static HttpResponse<String> send(int port, String path, String token, HttpRequest.Builder request) throws Exception {
        return send(port, path, token, request, Duration.ofSeconds(20));
    }

    static HttpResponse<String> send(int port, String path, String token, HttpRequest.Builder request, Duration timeout)
            throws Exception {
        request.uri(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
