package io.rapport.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/** Asks a Spring Boot process whether it is up: 200 from /actuator/health with an overall status of UP. */
final class HealthProbe {

    private static final Pattern UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private HealthProbe() {
    }

    static URI healthUri(URI base) {
        return base.resolve("/actuator/health");
    }

    /** Never fails: anything but a healthy answer (refused, timeout, 503) is simply "not yet". */
    static CompletableFuture<Boolean> isUp(URI base) {
        HttpRequest request = HttpRequest.newBuilder(healthUri(base))
                .timeout(Duration.ofSeconds(2))
                .header("Accept", "application/json")
                .GET()
                .build();
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> response.statusCode() == 200 && UP.matcher(response.body()).find())
                .exceptionally(notYet -> false);
    }
}
