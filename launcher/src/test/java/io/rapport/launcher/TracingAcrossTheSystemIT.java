package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.launcher.OtlpReceiver.ReceivedSpan;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One trace from the gateway through the service, its outbox and Kafka to every consumer, as an operator sees it:
 * the system started as {@code ./rapport run} is, with only the documented environment variables pointing the OTLP
 * exporter at a collector (here a test one on loopback), and a contact created through the gateway.
 */
class TracingAcrossTheSystemIT {

    private static final List<String> CONSUMERS_OF_CONTACTS =
            List.of("contacts-service", "scheduling-service", "notes-service", "reminders-service");

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES) // a whole-system start: 40-80 s on a loaded 2-core machine, more when cold
    void aContactCreatedThroughTheGatewayIsOneTraceThroughTheOutboxToEveryConsumer() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "e2e-data").toAbsolutePath());
        Path console = Path.of("target", "tracing-console.txt").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(JavaRuntime.javaExecutable(), "-cp", JavaRuntime.classPath(),
                EmbeddedDefault.class.getName(), "--reset", "--data-dir=" + dataDir));
        List<Integer> ports = FreePorts.take(PortName.values().length);
        for (PortName name : PortName.values()) {
            command.add(name.flag() + "=" + ports.get(name.ordinal()));
        }
        try (OtlpReceiver collector = new OtlpReceiver()) {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(Path.of("..").toAbsolutePath().normalize().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(console.toFile());
            builder.environment().put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", collector.endpoint());
            builder.environment().put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0");
            Process launcher = builder.start();
            try {
                await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> Files.readString(console).contains("Rapport is up") || !launcher.isAlive());
                assertThat(launcher.isAlive()).as(Files.readString(console)).isTrue();
                GatewayClient gateway = new GatewayClient(
                        URI.create("http://127.0.0.1:" + ports.get(PortName.GATEWAY.ordinal())), "uni-" + UUID.randomUUID());

                GatewayClient.Response created = gateway.call("POST", "/api/contacts", "alice", Map.of(), """
                        {"name": "Grace Hopper", "employer": "US Navy"}
                        """);
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                String id = created.json().path("id").asText();
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(gateway.get("/api/scheduling/contacts/" + id, "alice").status()).isEqualTo(200));

                // The spans come in batches (every 5 s by default) from six processes.
                ReceivedSpan contactsServer = await().atMost(Duration.ofSeconds(60)).until(
                        () -> serverSpanOfTheCreate(collector), Optional::isPresent).orElseThrow();
                // Each process exports on its own schedule: wait for the gateway's span as well as the consumers'.
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    List<ReceivedSpan> spans = collector.trace(contactsServer.traceId());
                    assertThat(spans).filteredOn(span -> span.kind().equals("SPAN_KIND_CONSUMER"))
                            .extracting(ReceivedSpan::service).containsAll(CONSUMERS_OF_CONTACTS);
                    assertThat(spans).extracting(ReceivedSpan::spanId).contains(contactsServer.parentSpanId());
                });

                List<ReceivedSpan> trace = collector.trace(contactsServer.traceId());
                ReceivedSpan gatewaySpan = only(trace, span -> span.spanId().equals(contactsServer.parentSpanId()));
                assertThat(gatewaySpan.service()).as("the service's request is the gateway's child").isEqualTo("gateway");
                assertThat(gatewaySpan.kind()).isEqualTo("SPAN_KIND_SERVER");
                ReceivedSpan published = only(trace, span -> span.kind().equals("SPAN_KIND_PRODUCER"));
                assertThat(published.service()).isEqualTo("contacts-service");
                assertThat(published.parentSpanId()).as("the relay's send continues the request that wrote the event")
                        .isEqualTo(contactsServer.spanId());
                for (String service : CONSUMERS_OF_CONTACTS) {
                    ReceivedSpan consumed = only(trace, span -> span.kind().equals("SPAN_KIND_CONSUMER")
                            && span.service().equals(service));
                    assertThat(consumed.parentSpanId()).as(service + " reads the record the relay sent")
                            .isEqualTo(published.spanId());
                }
            } finally {
                launcher.destroy();
                if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                    launcher.destroyForcibly();
                }
            }
        }
    }

    private static Optional<ReceivedSpan> serverSpanOfTheCreate(OtlpReceiver collector) {
        return collector.spans().stream()
                .filter(span -> span.service().equals("contacts-service") && span.kind().equals("SPAN_KIND_SERVER"))
                .filter(span -> span.name().toLowerCase(Locale.ROOT).matches("http post /api/contacts"))
                .findFirst();
    }

    private static ReceivedSpan only(List<ReceivedSpan> trace, java.util.function.Predicate<ReceivedSpan> which) {
        List<ReceivedSpan> found = trace.stream().filter(which).toList();
        assertThat(found).as("in the trace " + trace).hasSize(1);
        return found.getFirst();
    }
}
