package io.rapport.launcher.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the broker says: end offsets, what consumer groups have committed, and how fast a plain consumer reads. */
final class KafkaProbe implements AutoCloseable {

    private final String bootstrap;
    private final Admin admin;

    KafkaProbe(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(props);
    }

    String bootstrap() {
        return bootstrap;
    }

    List<TopicPartition> partitions(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (InterruptedException | ExecutionException e) {
            throw failure("describe " + topic, e);
        }
    }

    Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> info = admin.listOffsets(latest).all().get();
            Map<TopicPartition, Long> ends = new HashMap<>();
            info.forEach((p, i) -> ends.put(p, i.offset()));
            return ends;
        } catch (InterruptedException | ExecutionException e) {
            throw failure("list offsets", e);
        }
    }

    /** The group's committed offsets (0 for a partition it never committed). */
    Map<TopicPartition, Long> committed(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> result = new HashMap<>();
            offsets.forEach((p, o) -> result.put(p, o == null ? 0L : o.offset()));
            return result;
        } catch (InterruptedException | ExecutionException e) {
            throw failure("group offsets of " + group, e);
        }
    }

    /** How many records of {@code topic} the group has not committed yet. */
    long lag(String group, String topic, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> committed = committed(group);
        long lag = 0;
        for (var end : ends.entrySet()) {
            if (end.getKey().topic().equals(topic)) {
                lag += Math.max(0, end.getValue() - committed.getOrDefault(end.getKey(), 0L));
            }
        }
        return lag;
    }

    /** Records ever written to the system's topics (rapport.*): grows while any outbox is relaying. */
    long totalEndOffsets() {
        try {
            List<String> topics = admin.listTopics().names().get().stream().filter(t -> t.startsWith("rapport.")).toList();
            if (topics.isEmpty()) {
                return 0;
            }
            List<TopicPartition> parts = new ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                    description.partitions().forEach(p -> parts.add(new TopicPartition(name, p.partition()))));
            return endOffsets(parts).values().stream().mapToLong(Long::longValue).sum();
        } catch (InterruptedException | ExecutionException e) {
            throw failure("list topics", e);
        }
    }

    /** The sum of every consumer group's lag on every topic it committed on (the benchmark's own groups left out). */
    long totalLag() {
        try {
            List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get().stream().map(GroupListing::groupId)
                    .filter(g -> !g.startsWith("bench")).toList();
            long lag = 0;
            for (String group : groups) {
                Map<TopicPartition, Long> committed = committed(group);
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, Long> ends = endOffsets(new ArrayList<>(committed.keySet()));
                for (var c : committed.entrySet()) {
                    lag += Math.max(0, ends.getOrDefault(c.getKey(), 0L) - c.getValue());
                }
            }
            return lag;
        } catch (InterruptedException | ExecutionException e) {
            throw failure("list consumer groups", e);
        }
    }

    /**
     * Produces {@code records} small records to a fresh topic, then reads them all with a plain consumer: the
     * broker's own rate on this machine, the ceiling any consumer here could reach. Records per second consumed.
     */
    double rawConsumeRate(int records, int partitions) {
        String topic = "bench.raw." + UUID.randomUUID().toString().substring(0, 8);
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw failure("create " + topic, e);
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // Only what the broker acknowledged is waited for: the session-7 run at 110,000 contacts lost sends to
        // producer errors (OutOfOrderSequenceException) the probe never looked at, and its consumer then waited out
        // its 5 minutes for records that were never written, which made the figure void.
        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            byte[] value = new byte[100];
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + (i % 1000), value), (metadata, error) -> {
                    if (error == null) {
                        acknowledged.incrementAndGet();
                    } else {
                        firstFailure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        long written = acknowledged.get();
        if (written < records) {
            System.out.printf("  raw Kafka probe: %,d of %,d sends failed (first: %s); the rate counts the %,d acknowledged%n",
                    records - written, records, firstFailure.get(), written);
        }
        if (written == 0) {
            throw new IllegalStateException("Kafka: no record of the raw probe was acknowledged", firstFailure.get());
        }
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
            // Assigned, not subscribed: no group to join, so the clock runs from the first fetch to the last record.
            List<TopicPartition> parts = partitions(topic);
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            parts.forEach(consumer::position);
            long read = 0;
            long started = System.nanoTime();
            long deadline = started + Duration.ofMinutes(5).toNanos();
            while (read < written && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
                read += batch.count();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return read / seconds;
        } finally {
            try {
                admin.deleteTopics(List.of(topic)).all().get();
            } catch (InterruptedException | ExecutionException ignored) {
                // a leftover bench topic in the bench's own data folder harms nothing
            }
        }
    }

    /** A consumer positioned at the end of {@code topic} now, to read what comes next. */
    KafkaConsumer<String, byte[]> tail(String topic) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = partitions(topic);
        consumer.assign(parts);
        consumer.seekToEnd(parts);
        parts.forEach(consumer::position); // resolves the end now, not at the first poll
        return consumer;
    }

    static Set<String> topicsOf(Map<TopicPartition, Long> offsets) {
        return offsets.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
    }

    private static IllegalStateException failure(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("Kafka: could not " + what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
