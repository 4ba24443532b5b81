package io.rapport.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import io.rapport.platform.domain.Member;
import io.rapport.store.IndexedH2Backend;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class MongoErasuresTest {

    private static final Instant ERASED_AT = Instant.parse("2026-03-02T10:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoErasures erasures;
    private final Member alice = new Member("alice", "uni-a");
    private final AtomicInteger deletions = new AtomicInteger();

    @BeforeEach
    void start() {
        server = new MongoServer(IndexedH2Backend.inMemory());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        erasures = new MongoErasures(new MongoTemplate(client, "erasures"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void eventsFromBeforeTheErasureAreDroppedAndLaterOnesApplied() {
        assertThat(erasures.erasedAfter(alice, ERASED_AT.minusSeconds(60))).as("never erased").isFalse();

        assertThat(erasures.erase(alice, "erase-1", ERASED_AT, deletions::incrementAndGet)).isTrue();

        assertThat(erasures.erasedAfter(alice, ERASED_AT.minus(Duration.ofDays(30)))).isTrue();
        assertThat(erasures.erasedAfter(alice, ERASED_AT)).isTrue();
        assertThat(erasures.erasedAfter(alice, ERASED_AT.plusMillis(1))).as("what she did since is hers").isFalse();
        assertThat(erasures.erasedAfter(new Member("alice", "uni-b"), ERASED_AT.minusSeconds(60)))
                .as("the same member id in another tenant").isFalse();
        assertThat(erasures.erasedAfter(new Member("bob", "uni-a"), ERASED_AT.minusSeconds(60))).isFalse();
        assertThat(deletions).hasValue(1);
    }

    @Test
    void aRedeliveredOrOlderRequestDeletesNothingMoreButALaterOneDoes() {
        erasures.erase(alice, "erase-1", ERASED_AT, deletions::incrementAndGet);

        assertThat(erasures.erase(alice, "erase-1", ERASED_AT, deletions::incrementAndGet)).isFalse();
        assertThat(erasures.erase(alice, "erase-0", ERASED_AT.minusSeconds(3600), deletions::incrementAndGet)).isFalse();
        assertThat(deletions).hasValue(1);

        assertThat(erasures.erase(alice, "erase-2", ERASED_AT.plus(Duration.ofDays(1)), deletions::incrementAndGet))
                .isTrue();
        assertThat(deletions).hasValue(2);
        assertThat(erasures.erasedAfter(alice, ERASED_AT.plusSeconds(60))).isTrue();
    }

    @Test
    void aDeletionThatFailedRunsAgainWhenTheRequestIsRedelivered() {
        try {
            erasures.erase(alice, "erase-1", ERASED_AT, () -> {
                throw new IllegalStateException("store away");
            });
        } catch (IllegalStateException expected) {
            // the listener's retry or redelivery comes back with the same request
        }
        assertThat(erasures.erasedAfter(alice, ERASED_AT.minusSeconds(1))).as("dropped while it is carried out").isTrue();

        assertThat(erasures.erase(alice, "erase-1", ERASED_AT, deletions::incrementAndGet)).isTrue();
        assertThat(deletions).hasValue(1);
    }
}
