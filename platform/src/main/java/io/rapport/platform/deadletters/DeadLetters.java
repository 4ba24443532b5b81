package io.rapport.platform.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What sits in the dead-letter topics, and the way back: a chosen record is published again to the topic it was
 * consumed from, with its key, value and event headers as they were (so its event id too: consumers that applied it
 * meanwhile recognise it and change nothing). Plain Kafka clients, no consumer group: reading commits nothing and
 * a re-drive leaves the dead-letter topic as it was (Kafka's retention empties it).
 */
public final class DeadLetters implements AutoCloseable {

    /** Where spring-kafka's DeadLetterPublishingRecoverer writes the failure (its KafkaHeaders.DLT_* names). */
    static final String PREFIX = "kafka_dlt-";
    static final String ORIGINAL_TOPIC = PREFIX + "original-topic";
    static final String ORIGINAL_PARTITION = PREFIX + "original-partition";
    static final String ORIGINAL_OFFSET = PREFIX + "original-offset";
    static final String ORIGINAL_GROUP = PREFIX + "original-consumer-group";
    static final String EXCEPTION_CLASS = PREFIX + "exception-fqcn";
    static final String EXCEPTION_CAUSE_CLASS = PREFIX + "exception-cause-fqcn";
    static final String EXCEPTION_MESSAGE = PREFIX + "exception-message";
    /** Set on a re-driven record: which dead letter it came from ({@code topic/partition/offset}). */
    public static final String REDRIVEN_FROM = "rapport_redriven-from";
    static final String EVENT_ID = "ce_id";
    static final String EVENT_TYPE = "ce_type";
    static final String SUFFIX = ".DLT";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final Admin admin;

    public DeadLetters(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
    }

    /** Every dead-letter topic on the broker, sorted. */
    public List<String> topics() {
        return get(admin.listTopics().names()).stream().filter(name -> name.endsWith(SUFFIX)).sorted().toList();
    }

    /** Everything in {@code topic} now, partition by partition in offset order. */
    public List<DeadLetter> list(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            return raw(consumer, topic).stream().map(DeadLetters::read).toList();
        }
    }

    /**
     * Publishes the chosen dead letters of {@code topic} again to their original topic and partition, and waits for
     * the broker to acknowledge each. A record without its original topic header is left alone.
     *
     * @return the dead letters re-driven, in order
     */
    public List<DeadLetter> redrive(String topic, Predicate<DeadLetter> chosen) {
        List<DeadLetter> sent = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(); KafkaProducer<String, byte[]> producer = producer()) {
            List<ConsumerRecord<String, byte[]>> records = raw(consumer, topic);
            for (ConsumerRecord<String, byte[]> record : records) {
                DeadLetter letter = read(record);
                if (letter.originalTopic() == null || !chosen.test(letter)) {
                    continue;
                }
                get(producer.send(new ProducerRecord<>(letter.originalTopic(), letter.originalPartition(), record.key(),
                        record.value(), eventHeaders(record.headers(), letter))));
                sent.add(letter);
            }
        }
        return sent;
    }

    private List<ConsumerRecord<String, byte[]>> raw(KafkaConsumer<String, byte[]> consumer, String topic) {
        requireDeadLetterTopic(topic);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("No topic " + topic + " on the broker");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!reached(consumer, ends)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read " + topic + " to its end within " + TIMEOUT.toSeconds() + " s");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            }
        }
        records.sort(java.util.Comparator.<ConsumerRecord<String, byte[]>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    /** The event's own headers (the failure's are dropped), and where this copy came from. */
    static Headers eventHeaders(Headers parked, DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : parked) {
            if (!header.key().startsWith(PREFIX) && !header.key().equals(REDRIVEN_FROM)) {
                headers.add(header);
            }
        }
        headers.add(REDRIVEN_FROM, (letter.topic() + "/" + letter.partition() + "/" + letter.offset())
                .getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    static DeadLetter read(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        String cause = text(headers, EXCEPTION_CAUSE_CLASS);
        return new DeadLetter(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key(), text(headers, EVENT_ID), text(headers, EVENT_TYPE), text(headers, ORIGINAL_TOPIC),
                number(headers, ORIGINAL_PARTITION) == null ? null : number(headers, ORIGINAL_PARTITION).intValue(),
                number(headers, ORIGINAL_OFFSET), text(headers, ORIGINAL_GROUP),
                cause != null ? cause : text(headers, EXCEPTION_CLASS), text(headers, EXCEPTION_MESSAGE));
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** spring-kafka writes the original partition as 4 bytes and the offset as 8 (big-endian). */
    private static Long number(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.wrap(header.value());
        return switch (header.value().length) {
            case Integer.BYTES -> (long) bytes.getInt();
            case Long.BYTES -> bytes.getLong();
            default -> null;
        };
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey(), TIMEOUT) >= end.getValue());
    }

    private static void requireDeadLetterTopic(String topic) {
        if (topic == null || !topic.endsWith(SUFFIX)) {
            throw new IllegalArgumentException("Not a dead-letter topic (<topic>" + SUFFIX + "): " + topic);
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // Asking for a topic that does not exist must not create it.
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** As the services' event producer: idempotent, acknowledged by every in-sync replica. */
    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static <T> T get(java.util.concurrent.Future<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + TIMEOUT.toSeconds() + " s", e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }

}
