package io.rapport.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.rapport.events.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;

/**
 * How many records the dead-letter topics of the topics this service consumes hold ({@code rapport_dlt_records},
 * label {@code topic}): end offset minus start offset over their partitions, so records parked by any instance count,
 * until retention removes them. An alert on any increase says a record could not be handled.
 *
 * <p>Read from the broker's offsets only when Prometheus scrapes, and at most once per {@code refresh} however often
 * it does (one list-offsets round trip for all the topics): nothing runs at rest, and nothing reads the records.
 */
public class DeadLetterRecords implements MeterBinder, DisposableBean {

    private final Map<String, Object> adminConfig;
    private final List<String> deadLetterTopics;
    private final Duration refresh;
    private final Clock clock;
    private volatile AdminClient admin;
    private volatile Map<String, Long> counts = Map.of();
    private volatile Instant readAt = Instant.EPOCH;

    public DeadLetterRecords(Map<String, Object> adminConfig, List<String> consumedTopics, Duration refresh, Clock clock) {
        this.adminConfig = Map.copyOf(adminConfig);
        this.deadLetterTopics = consumedTopics.stream().map(Topics::deadLetter).toList();
        this.refresh = refresh;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String topic : deadLetterTopics) {
            Gauge.builder("rapport.dlt.records", () -> count(topic))
                    .description("Records in the dead-letter topic (end offset minus start offset)")
                    .tag("topic", topic)
                    .register(registry);
        }
    }

    /** NaN (no sample) while the broker does not answer. */
    double count(String topic) {
        if (clock.instant().isAfter(readAt.plus(refresh))) {
            readAll();
        }
        Long count = counts.get(topic);
        return count == null ? Double.NaN : count;
    }

    private synchronized void readAll() {
        if (!clock.instant().isAfter(readAt.plus(refresh))) {
            return; // another scrape thread read them meanwhile
        }
        try {
            Map<String, TopicDescription> topics = admin().describeTopics(deadLetterTopics).allTopicNames()
                    .get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topics.values().forEach(description -> description.partitions().forEach(partition -> {
                TopicPartition each = new TopicPartition(description.name(), partition.partition());
                earliest.put(each, OffsetSpec.earliest());
                latest.put(each, OffsetSpec.latest());
            }));
            ListOffsetsOptions options = new ListOffsetsOptions();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts =
                    admin().listOffsets(earliest, options).all().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin().listOffsets(latest, options).all().get(5, TimeUnit.SECONDS);
            Map<String, Long> read = new HashMap<>();
            ends.forEach((partition, end) -> read.merge(partition.topic(),
                    end.offset() - starts.get(partition).offset(), Long::sum));
            counts = read;
        } catch (Exception brokerAway) {
            if (brokerAway instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            counts = Map.of();
        }
        readAt = clock.instant();
    }

    private AdminClient admin() {
        if (admin == null) {
            admin = AdminClient.create(adminConfig);
        }
        return admin;
    }

    @Override
    public void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
