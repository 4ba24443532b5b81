package io.rapport.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of a service's {@code /actuator/prometheus}, read as Prometheus reads it: samples by metric name and
 * labels. Tests compare two scrapes to see a metric move.
 */
public record PrometheusMetrics(String text) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\S+)?$");

    /** @param baseUrl e.g. {@code http://127.0.0.1:8081} */
    public static PrometheusMetrics scrape(String baseUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("/actuator/prometheus answered " + response.statusCode() + ": " + response.body());
            }
            return new PrometheusMetrics(response.body());
        } catch (IOException e) {
            throw new AssertionError("could not scrape " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * The sum of the samples of this metric whose labels include all of {@code labels} ({@code "topic=rapport.x"}
     * each); 0 when there is none.
     */
    public double sum(String name, String... labels) {
        double total = 0;
        for (String line : text.lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches() && sample.group(1).equals(name)
                    && hasLabels(sample.group(3), labels)) {
                total += Double.parseDouble(sample.group(4));
            }
        }
        return total;
    }

    /** Whether any sample of this metric (with these labels) is there at all. */
    public boolean has(String name, String... labels) {
        return text.lines().map(SAMPLE::matcher).anyMatch(sample -> sample.matches() && sample.group(1).equals(name)
                && hasLabels(sample.group(3), labels));
    }

    private static boolean hasLabels(String found, String... wanted) {
        String present = found == null ? "" : found;
        return Arrays.stream(wanted).allMatch(label -> {
            int equals = label.indexOf('=');
            return present.contains(label.substring(0, equals) + "=\"" + label.substring(equals + 1) + "\"");
        });
    }
}
