package io.rapport.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rapport.events.ContactAdded;
import io.rapport.events.Producer;
import io.rapport.platform.domain.Member;
import io.rapport.store.IndexedH2Backend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** rapport_outbox_oldest_pending_age_seconds: the oldest waiting event's age, read from the pending index alone. */
class OutboxAgeTest {

    private static final Member ALICE = new Member("alice", "uni-a");
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private IndexedH2Backend store;
    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void start() {
        store = IndexedH2Backend.inMemory();
        server = new MongoServer(store);
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "outbox-age-test");
        Outbox.declarePendingIndex(mongo, "contacts");
        new OutboxAge(mongo, List.of("contacts"), Clock.fixed(NOW, ZoneOffset.UTC)).bindTo(meters);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theGaugeIsTheAgeOfTheOldestWaitingEventAndZeroOnceAllArePublished() {
        assertThat(age()).as("nothing written").isZero();
        for (int i = 0; i < 50; i++) {
            mongo.insert(new Document("_id", "published-" + i).append("name", "no outbox"), "contacts");
        }
        write("c-1", NOW.minus(Duration.ofSeconds(90)));
        write("c-2", NOW.minus(Duration.ofSeconds(20)));

        assertThat(age()).isEqualTo(90.0);

        published("c-1");
        assertThat(age()).isEqualTo(20.0);
        published("c-2");
        assertThat(age()).isZero();
        assertThat(store.fullScans().counts()).as("read through the outbox_pending index only").isEmpty();
    }

    private double age() {
        return meters.get("rapport.outbox.oldest.pending.age").tag("collection", "contacts").gauge().value();
    }

    private void write(String id, Instant at) {
        Outbox outbox = new Outbox(Producer.CONTACTS, Clock.fixed(at, ZoneOffset.UTC), () -> { });
        mongo.insert(outbox.addTo(new Document("_id", id), ALICE, List.of(
                new ContactAdded(id, "Ada", null, "Acme", "Engineer", "LINKEDIN", null, null, at, null))), "contacts");
    }

    /** As the relay leaves a document once Kafka acknowledged its events. */
    private void published(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set(Outbox.FIELD, List.of()).unset(Outbox.PENDING_SINCE), "contacts");
    }
}
