package io.rapport.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rapport.events.ContactAdded;
import io.rapport.events.Producer;
import io.rapport.events.Topics;
import io.rapport.platform.domain.Member;
import io.rapport.platform.persistence.Leases;
import io.rapport.store.IndexedH2Backend;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The outbox and its relay against a real Kafka broker and a MongoDB wire server. The outage test
 * (Kafka stopped and restarted under a writing service) is KafkaOutageIT in the launcher module,
 * which runs a real broker process that can be restarted on the same port.
 */
class OutboxRelayTest {

    private static final String COLLECTION = "contacts";
    private static final Member ALICE = new Member("alice", "uni-a");

    private final Clock clock = Clock.systemUTC();
    private final Outbox outbox = new Outbox(Producer.CONTACTS, clock, () -> { });
    private IndexedH2Backend store;
    private MongoServer mongoServer;
    private MongoClient mongoClient;
    private MongoTemplate mongo;
    private EmbeddedKafkaKraftBroker broker;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void startMongo() {
        store = IndexedH2Backend.inMemory();
        mongoServer = new MongoServer(store);
        mongoServer.bind("127.0.0.1", 0);
        mongoClient = MongoClients.create("mongodb://127.0.0.1:" + mongoServer.getLocalAddress().getPort());
        mongo = new MongoTemplate(mongoClient, "outbox-test");
        // As every adapter with an outbox declares it: only documents with unpublished events are in it.
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable closeable : closeables.reversed()) {
            closeable.close();
        }
        if (broker != null) {
            broker.destroy();
        }
        mongoClient.close();
        mongoServer.shutdownNow();
    }

    @Test
    void publishesPendingEventsAsCloudEventsKeyedByMemberThenEmptiesTheOutbox() {
        startBroker();
        insertContact("c-1", "Ada Lovelace");
        OutboxRelay relay = relay(bootstrapServers(), "instance-1");

        assertThat(relay.relayOnce()).isEqualTo(1);

        ConsumerRecord<String, byte[]> record = readAll(1).getFirst();
        assertThat(record.topic()).isEqualTo(Topics.CONTACTS);
        assertThat(record.key()).isEqualTo("alice");
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("ContactAdded");
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/rapport/contacts-service");
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo("c-1");
        assertThat(header(record, CloudEventHeaders.MEMBER)).isEqualTo("alice");
        assertThat(header(record, CloudEventHeaders.TENANT)).isEqualTo("uni-a");
        assertThat(header(record, CloudEventHeaders.ID)).isNotBlank();
        assertThat(header(record, CloudEventHeaders.CORRELATION)).isNotBlank();
        assertThat(Instant.parse(header(record, CloudEventHeaders.TIME))).isBeforeOrEqualTo(Instant.now());
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"name\":\"Ada Lovelace\"");

        Document stored = mongo.findById("c-1", Document.class, COLLECTION);
        assertThat(stored.getList(Outbox.FIELD, Document.class)).isEmpty();
        assertThat(stored.containsKey(Outbox.PENDING_SINCE)).isFalse();
        assertThat(relay.relayOnce()).isZero();
        assertThat(store.fullScans().counts()).as("the relay reads through the outbox_pending index only").isEmpty();
    }

    @Test
    void aRejectedWriteEmitsNothing() {
        startBroker();
        insertContact("c-1", "First");
        assertThatThrownBy(() -> insertContact("c-1", "Same id, refused")).isInstanceOf(DuplicateKeyException.class);
        long refusedUpdate = mongo.updateFirst(
                Query.query(Criteria.where("_id").is("c-1").and("version").is(99)),
                outbox.addTo(new Update().set("name", "stale"), ALICE, List.of(added("c-1", "Stale update"))),
                COLLECTION).getModifiedCount();
        assertThat(refusedUpdate).isZero();

        relay(bootstrapServers(), "instance-1").relayOnce();

        List<ConsumerRecord<String, byte[]>> records = readAll(1);
        assertThat(records).hasSize(1);
        assertThat(new String(records.getFirst().value(), StandardCharsets.UTF_8)).contains("First");
    }

    @Test
    void eventsAppendedByLaterWritesWaitForTheNextRoundAndKeepTheirOrder() {
        startBroker();
        insertContact("c-1", "Version 1");
        mongo.updateFirst(Query.query(Criteria.where("_id").is("c-1")),
                outbox.addTo(new Update().set("name", "Version 2"), ALICE, List.of(added("c-1", "Version 2"))),
                COLLECTION);

        relay(bootstrapServers(), "instance-1").relayOnce();

        List<String> payloads = readAll(2).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
        assertThat(payloads.get(0)).contains("Version 1");
        assertThat(payloads.get(1)).contains("Version 2");
    }

    @Test
    void anEventWrittenWhileTheOutboxIsBeingPublishedKeepsTheDocumentPendingForTheNextRound() {
        startBroker();
        insertContact("c-1", "Version 1");
        insertContact("c-2", "Other");
        AtomicBoolean appended = new AtomicBoolean();
        // The write lands after the relay read the outbox and before it clears what it published.
        OutboxRelay relay = relay(bootstrapServers(), "instance-1", () -> {
            if (appended.compareAndSet(false, true)) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is("c-1")), outbox.addTo(
                        new Update().set("name", "Version 2"), ALICE, List.of(added("c-1", "Version 2"))), COLLECTION);
            }
        });

        relay.relayOnce();
        Document meanwhile = mongo.findById("c-1", Document.class, COLLECTION);
        assertThat(meanwhile.getList(Outbox.FIELD, Document.class)).as("only the event written meanwhile").hasSize(1);
        assertThat(meanwhile.get(Outbox.PENDING_SINCE)).as("still pending").isNotNull();
        Document other = mongo.findById("c-2", Document.class, COLLECTION);
        assertThat(other.getList(Outbox.FIELD, Document.class)).isEmpty();
        assertThat(other.get(Outbox.PENDING_SINCE)).isNull();

        relay.relayOnce();
        List<String> payloads = readAll(3).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .filter(payload -> payload.contains("Version")).toList();
        assertThat(payloads).hasSize(2);
        assertThat(payloads.get(0)).contains("Version 1");
        assertThat(payloads.get(1)).contains("Version 2");
        Document published = mongo.findById("c-1", Document.class, COLLECTION);
        assertThat(published.getList(Outbox.FIELD, Document.class)).isEmpty();
        assertThat(published.get(Outbox.PENDING_SINCE)).isNull();
    }

    @Test
    void aPendingMarkerLeftOnAnEmptyOutboxIsCleared() {
        startBroker();
        mongo.insert(new Document("_id", "c-9").append("memberId", ALICE.memberId()).append(Outbox.FIELD, List.of())
                .append(Outbox.PENDING_SINCE, new java.util.Date()), COLLECTION);

        relay(bootstrapServers(), "instance-1").relayOnce();

        assertThat(mongo.findById("c-9", Document.class, COLLECTION).get(Outbox.PENDING_SINCE)).isNull();
    }

    @Test
    void twoInstancesRelayingTheSameOutboxesPublishEveryEventExactlyOnce() {
        startBroker();
        OutboxRelay first = relay(bootstrapServers(), "instance-1");
        OutboxRelay second = relay(bootstrapServers(), "instance-2");
        first.start();
        second.start();
        closeables.add(first::stop);
        closeables.add(second::stop);

        int count = 300;
        for (int i = 0; i < count; i++) {
            insertContact("c-" + i, "Contact " + i);
            if (i % 50 == 0) {
                first.wake();
                second.wake();
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() ->
                mongo.count(Query.query(Criteria.where(Outbox.PENDING_SINCE).exists(true)), COLLECTION) == 0);
        List<ConsumerRecord<String, byte[]>> records = readAll(count);
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(header(r, CloudEventHeaders.ID)));
        assertThat(records).hasSize(count);
        assertThat(ids).hasSize(count);
    }

    private void insertContact(String id, String name) {
        Document document = new Document("_id", id).append("memberId", ALICE.memberId()).append("name", name)
                .append("version", 1);
        mongo.insert(outbox.addTo(document, ALICE, List.of(added(id, name))), COLLECTION);
    }

    private static ContactAdded added(String id, String name) {
        return new ContactAdded(id, name, null, "Acme", "Engineer", "LINKEDIN", null, null, Instant.now(), null);
    }

    private OutboxRelay relay(String bootstrapServers, String owner) {
        return relay(bootstrapServers, owner, () -> { });
    }

    /** {@code beforeSend} runs as the relay hands each event to Kafka. */
    private OutboxRelay relay(String bootstrapServers, String owner, Runnable beforeSend) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config);
        closeables.add(factory::destroy);
        KafkaTemplate<String, byte[]> kafka = new KafkaTemplate<>(factory) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                beforeSend.run();
                return super.send(record);
            }
        };
        return new OutboxRelay(mongo, kafka,
                new Leases(mongo, OutboxRelay.LEASES_COLLECTION, clock), owner, clock, List.of(COLLECTION),
                new OutboxRelay.Settings(Duration.ofMillis(20), 50, Duration.ofSeconds(5), Duration.ofMillis(200),
                        Duration.ofSeconds(10)),
                new SimpleMeterRegistry());
    }

    private void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.CONTACTS);
        broker.afterPropertiesSet();
    }

    private String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    private List<ConsumerRecord<String, byte[]>> readAll(int expected) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CONTACTS));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            Instant until = Instant.now().plusSeconds(20);
            // Reads on a little after the expected count, so a duplicate would be seen.
            Instant settle = null;
            while (Instant.now().isBefore(until) && (settle == null || Instant.now().isBefore(settle))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (settle == null && records.size() >= expected) {
                    settle = Instant.now().plusSeconds(1);
                }
            }
            records.sort(java.util.Comparator.comparingInt((ConsumerRecord<String, byte[]> r) -> r.partition()).thenComparingLong(ConsumerRecord::offset));
            return records;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return CloudEvents.header(record.headers(), name);
    }
}
