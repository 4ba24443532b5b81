package io.rapport.test;

import io.rapport.platform.messaging.CloudEventHeaders;
import io.rapport.platform.messaging.CloudEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from its beginning, as an outside Kafka tool would, to check what was published. */
public final class EventsOnTopic implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public EventsOnTopic(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        Instant until = Instant.now().plusSeconds(20);
        while (partitions.isEmpty() && Instant.now().isBefore(until)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(5))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Waits up to {@code timeout} for a record matching {@code condition}; every record read is kept. */
    public ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> condition, Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        do {
            for (ConsumerRecord<String, byte[]> record : seen) {
                if (condition.test(record)) {
                    return record;
                }
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        } while (Instant.now().isBefore(until));
        for (ConsumerRecord<String, byte[]> record : seen) {
            if (condition.test(record)) {
                return record;
            }
        }
        throw new AssertionError("No matching record within " + timeout + "; read " + seen.size() + " records");
    }

    /** Everything that arrives within {@code window}, from the beginning of the topic. */
    public List<ConsumerRecord<String, byte[]>> readFor(Duration window) {
        Instant until = Instant.now().plus(window);
        while (Instant.now().isBefore(until)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    public static Predicate<ConsumerRecord<String, byte[]>> ofType(String type, String subject) {
        return record -> type.equals(header(record, CloudEventHeaders.TYPE))
                && (subject == null || subject.equals(header(record, CloudEventHeaders.SUBJECT)));
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        return CloudEvents.header(record.headers(), name);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
