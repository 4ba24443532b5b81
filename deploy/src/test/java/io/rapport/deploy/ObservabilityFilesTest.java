package io.rapport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard and the alert rules agree: whoever is paged finds the metric on the dashboard; both query the
 * Prometheus data source Grafana is given. (promtool checks the rules themselves: .ci/run.)
 */
class ObservabilityFilesTest {

    private static final Path OBSERVABILITY = Manifests.DEPLOY.resolve("observability");
    /** A metric name as PromQL writes one: words joined by underscores, not a function or a keyword. */
    private static final Pattern METRIC = Pattern.compile("\\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\\b(?!\\s*\\()");
    private static final Set<String> NOT_METRICS = Set.of("histogram_quantile");

    @Test
    void everyMetricAnAlertWatchesIsOnTheDashboard() throws IOException {
        JsonNode rules = Kustomize.readOne(OBSERVABILITY.resolve("alerts.yml"));
        Set<String> alerted = new TreeSet<>();
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                alerted.addAll(metrics(rule.path("expr").asText()));
            }
        }
        Set<String> shown = new TreeSet<>();
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                shown.addAll(metrics(target.path("expr").asText()));
            }
        }

        assertThat(alerted).contains("rapport_outbox_oldest_pending_age_seconds", "rapport_dlt_records",
                "kafka_consumer_fetch_manager_records_lag_max", "rapport_reminders_delivery_lateness_seconds_max",
                "http_server_requests_seconds_count");
        assertThat(shown).containsAll(alerted);
    }

    @Test
    void everyPanelQueriesTheProvisionedPrometheus() throws IOException {
        JsonNode source = Kustomize.readOne(OBSERVABILITY.resolve("grafana/provisioning/datasources/prometheus.yml"));
        String uid = source.path("datasources").get(0).path("uid").asText();
        List<JsonNode> panels = panels();
        assertThat(panels).isNotEmpty();
        for (JsonNode panel : panels) {
            assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo(uid);
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
        }
    }

    private static List<JsonNode> panels() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(OBSERVABILITY.resolve("grafana-dashboard.json").toFile());
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(p -> {
            if (!p.path("type").asText().equals("row")) {
                panels.add(p);
            }
        });
        return panels;
    }

    private static Set<String> metrics(String expression) {
        // label matchers and strings hold no metric names
        String bare = expression.replaceAll("\\{[^}]*}", "").replaceAll("\"[^\"]*\"", "");
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(bare);
        while (matcher.find()) {
            if (!NOT_METRICS.contains(matcher.group(1))) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }
}
