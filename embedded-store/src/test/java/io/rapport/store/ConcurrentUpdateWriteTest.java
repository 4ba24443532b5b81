package io.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Updates that add and remove fields while H2 writes the same documents to disk: the store stays open and every
 * document reads back whole. An update changed the stored object in place while H2's writer encoded it, and the store
 * closed itself (found by the data-path benchmark's import): queries now hand out copies.
 */
class ConcurrentUpdateWriteTest {

    @Test
    void updatesWhileTheFileIsWrittenLeaveEveryDocumentWholeAndTheStoreOpen(@TempDir Path folder) throws Exception {
        IndexedH2Backend backend = IndexedH2Backend.open(folder.resolve("mongo.mv").toString());
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = Thread.ofPlatform().start(() -> {
            while (writing.get() && !backend.getMvStore().isClosed()) {
                backend.getMvStore().commit();
            }
        });
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> reminders = client.getDatabase("rapport-reminders").getCollection("reminders");
            List<Document> all = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Document document = new Document("_id", "r-" + i).append("status", "SCHEDULED");
                for (int f = 0; f < 30; f++) {
                    document.append("field" + f, "value " + f);
                }
                all.add(document);
            }
            reminders.insertMany(all);
            long until = System.nanoTime() + 3_000_000_000L;
            for (int round = 0; System.nanoTime() < until && !backend.getMvStore().isClosed(); round++) {
                // Fields come and go: the document's map changes shape, not only its values.
                reminders.updateMany(Filters.eq("status", "SCHEDULED"), round % 2 == 0
                        ? Updates.combine(Updates.set("leaseOwner", "claimer-" + round), Updates.unset("field29"))
                        : Updates.combine(Updates.unset("leaseOwner"), Updates.set("field29", "back " + round)));
                reminders.updateOne(Filters.eq("_id", "r-" + round % 200), Updates.set("round", round));
            }
            writing.set(false);
            writer.join();

            assertThat(backend.getMvStore().isClosed()).as("the store closed itself").isFalse();
            assertThat(reminders.countDocuments()).isEqualTo(200);
            for (Document document : reminders.find()) {
                assertThat(document.getString("field0")).isEqualTo("value 0");
                assertThat(document.getString("status")).isEqualTo("SCHEDULED");
            }
        } finally {
            writing.set(false);
            server.shutdownNow();
        }
    }

    @Test
    void aQueryHandsOutACopyNotTheStoredDocument() {
        IndexedH2Backend backend = IndexedH2Backend.inMemory();
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            client.getDatabase("rapport-contacts").getCollection("contacts")
                    .insertOne(new Document("_id", "c-1").append("stage", "TARGET"));
            IndexedCollection contacts = (IndexedCollection) backend.resolveDatabase("rapport-contacts")
                    .resolveCollection("contacts", true);

            var byId = new de.bwaldvogel.mongo.bson.Document("_id", "c-1");
            var byScan = new de.bwaldvogel.mongo.bson.Document("stage", "TARGET");
            for (var query : List.of(byId, byScan)) {
                for (var handedOut : contacts.queryDocuments(query, null, 0, 0, 0, null)) {
                    handedOut.put("stage", "CHANGED OUTSIDE");
                }
            }

            assertThat(contacts.queryDocuments(byId, null, 0, 0, 0, null)).singleElement()
                    .satisfies(stored -> assertThat(stored.get("stage")).isEqualTo("TARGET"));
        } finally {
            server.shutdownNow();
        }
    }
}
