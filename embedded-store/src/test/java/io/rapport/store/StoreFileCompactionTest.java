package io.rapport.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store file mostly dead after many updates is copied compact at start, and everything in it still answers. */
class StoreFileCompactionTest {

    private static final int CONTACTS = 2_000;
    private static final String PADDING = "x".repeat(500);

    @Test
    void aMostlyDeadFileIsCopiedCompactWithEveryDocumentAndIndexIntact(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("mongo.mv");
        IndexedH2Backend[] writing = new IndexedH2Backend[1];
        withStore(file, writing, contacts -> {
            contacts.createIndex(Indexes.ascending("tenantId", "memberId", "stage"), new IndexOptions().name("by_member_stage"));
            contacts.createIndex(Indexes.ascending("tenantId", "email"), new IndexOptions().unique(true).name("by_email"));
            contacts.createIndex(Indexes.ascending("outboxSince"), new IndexOptions().sparse(true).name("outbox_pending"));
            List<Document> all = new ArrayList<>();
            for (int i = 0; i < CONTACTS; i++) {
                all.add(new Document("_id", "c-" + i).append("tenantId", "uni").append("memberId", "m" + i % 50)
                        .append("email", i + "@example.com").append("stage", "TARGET").append("notes", PADDING));
            }
            contacts.insertMany(all);
            // Every document rewritten many times: the file keeps the old pages until whole chunks are dead.
            // Each round committed, as H2's background writer commits steady writes every second: left to its timing,
            // how much of the file is dead depended on how fast the machine updated (a faster store wrote fewer versions).
            for (int round = 0; round < 40; round++) {
                contacts.updateMany(new Document(), Updates.set("round", round));
                writing[0].getMvStore().commit();
            }
            contacts.updateMany(eq("memberId", "m7"), Updates.combine(Updates.set("stage", "CONTACTED"),
                    Updates.set("outboxSince", new java.util.Date(5))));
        });
        long before = Files.size(file);
        assertThat(livePercent(file)).as("precondition: most of the file is dead").isLessThan(StoreFileCompaction.MAX_LIVE_PERCENT);

        assertThat(StoreFileCompaction.compactIfSparse(file, 1024 * 1024)).isTrue();

        assertThat(Files.size(file)).as("the file after the copy, against %d bytes before", before).isLessThan(before / 2);
        assertThat(Files.exists(folder.resolve("mongo.mv.compacting"))).isFalse();
        assertThat(StoreFileCompaction.compactIfSparse(file, 1024 * 1024)).as("a compact file is left alone").isFalse();

        IndexedH2Backend[] opened = new IndexedH2Backend[1];
        withStore(file, opened, contacts -> {
            assertThat(contacts.countDocuments()).as("every document, read by a scan").isEqualTo(CONTACTS);
            opened[0].fullScans().clear();
            assertThat(contacts.find(eq("_id", "c-1234")).first()).containsEntry("round", 39).containsEntry("notes", PADDING);
            assertThat(contacts.find(and(eq("tenantId", "uni"), eq("memberId", "m7"), eq("stage", "CONTACTED"))))
                    .as("the secondary index, copied").hasSize(CONTACTS / 50);
            assertThat(contacts.find(exists("outboxSince"))).as("the sparse index, copied").hasSize(CONTACTS / 50);
            assertThat(contacts.find(and(eq("tenantId", "uni"), eq("email", "77@example.com"))).first())
                    .as("the unique index, copied").containsEntry("_id", "c-77");
            assertThat(opened[0].fullScans().counts()).as("every query still answered from an index").isEmpty();
            // The unique index still refuses a duplicate, and new writes land in the compacted file.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> contacts.insertOne(new Document("_id", "dup")
                    .append("tenantId", "uni").append("email", "77@example.com"))).hasMessageContaining("duplicate key");
            contacts.insertOne(new Document("_id", "c-new").append("tenantId", "uni").append("memberId", "m7")
                    .append("email", "new@example.com").append("stage", "CONTACTED"));
        });
        withStore(file, contacts -> assertThat(contacts.find(and(eq("tenantId", "uni"), eq("memberId", "m7"),
                eq("stage", "CONTACTED")))).hasSize(CONTACTS / 50 + 1));
    }

    @Test
    void aCopyLeftByAnInterruptedCompactionIsDiscardedAndTheOriginalKept(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("mongo.mv");
        withStore(file, contacts -> contacts.insertOne(new Document("_id", "c-1").append("tenantId", "uni")));
        Path leftOver = folder.resolve("mongo.mv.compacting");
        Files.writeString(leftOver, "half a copy");

        assertThat(StoreFileCompaction.compactIfSparse(file)).as("a small file is not copied").isFalse();

        assertThat(Files.exists(leftOver)).isFalse();
        withStore(file, contacts -> assertThat(contacts.countDocuments()).isEqualTo(1));
    }

    private static int livePercent(Path file) {
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            return store.getFileStore().getChunksFillRate();
        }
    }

    private interface StoreUse {
        void accept(MongoCollection<Document> contacts) throws Exception;
    }

    private static void withStore(Path file, StoreUse use) throws Exception {
        withStore(file, new IndexedH2Backend[1], use);
    }

    /** The store as the launcher opens it (compaction first), served over the wire, closed at the end. */
    private static void withStore(Path file, IndexedH2Backend[] opened, StoreUse use) throws Exception {
        opened[0] = IndexedH2Backend.open(file.toString());
        MongoServer server = new MongoServer(opened[0]);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            use.accept(client.getDatabase("rapport-test").getCollection("contacts"));
        } finally {
            server.shutdownNow();
        }
    }
}
