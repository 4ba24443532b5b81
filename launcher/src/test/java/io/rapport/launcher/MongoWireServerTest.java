package io.rapport.launcher;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MongoWireServerTest {

    private static final Duration READY = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void documentsSurviveARestartAndAResetRemovesThem() {
        DataFolder folder = new DataFolder(dir.resolve("data"));
        int port = FreePorts.one();

        try (MongoWireServer server = MongoWireServer.start(folder, port, READY);
             MongoClient client = MongoClients.create(server.connectionString())) {
            contacts(client).insertOne(new Document("_id", "c-1").append("name", "Ada Lovelace"));
        }

        try (MongoWireServer server = MongoWireServer.start(folder, port, READY);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(contacts(client).find(new Document("_id", "c-1")).first())
                    .isNotNull()
                    .containsEntry("name", "Ada Lovelace");
        }

        folder.reset();

        try (MongoWireServer server = MongoWireServer.start(folder, port, READY);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(contacts(client).find().first()).isNull();
        }
    }

    /** Every service waits on the store, so it runs above them, in its threads and its session (CpuPriority). */
    @Test
    void theStoreRunsAtARaisedCpuPriority() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(CpuPriority.unavailableReason().isEmpty()
                && java.nio.file.Files.isDirectory(Path.of("/proc/self/task")), "skipped: this user may not raise a priority, or no /proc");
        long self = ProcessHandle.current().pid();
        int launcher = CpuPriority.threadNiceValues(self).get(0);

        try (MongoWireServer server = MongoWireServer.start(new DataFolder(dir.resolve("data")), FreePorts.one(), READY)) {
            long store = server.process().pid();
            assertThat(CpuPriority.threadNiceValues(store)).isNotEmpty().allMatch(nice -> nice == launcher - CpuPriority.RAISE);
            if (JavaRuntime.setsid().isPresent()) {
                Optional<Integer> baseline = CpuPriorityTest.childSessionBaseline();
                if (baseline.isPresent()) {
                    CpuPriorityTest.assertSessionRaisedOrRefusalReported(store, baseline.get(), server.sessionNotRaised());
                }
            }
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        MongoWireServer server = MongoWireServer.start(new DataFolder(dir.resolve("data")), FreePorts.one(), READY);
        server.close();
        server.close();
    }

    private static MongoCollection<Document> contacts(MongoClient client) {
        return client.getDatabase("rapport-contacts").getCollection("contacts");
    }

    @Test
    void aStoreCompactingItsFileIsGivenTimeBeyondTheReadyTimeout() {
        String compacting = "[main] INFO io.rapport.store.StoreFileCompaction - Compacting /data/mongo.mv: 26416 MB, 8 % live\n";

        assertThat(MongoWireServer.compacting("[main] INFO x - starting\n" + compacting)).isTrue();
        assertThat(MongoWireServer.compacting("[main] INFO de.bwaldvogel.mongo.backend.h2.H2Backend - opening database 'x'\n"))
                .isFalse();
        assertThat(MongoWireServer.COMPACTION_ALLOWANCE).isGreaterThan(java.time.Duration.ofMinutes(5));
    }
}
