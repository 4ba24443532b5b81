package io.rapport.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Unique indexes: a document's position is its _id; uniqueness is still checked and kept at every update. */
class UniqueIndexTest {

    private MongoServer server;
    private MongoClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.shutdownNow();
        }
    }

    @Test
    void aStoredDocumentsPositionIsReadOffItsIdNotLookedUpInTheIndexMap() {
        MVMap<KeyValue, Object> empty = MVStore.open(null).openMap("unique",
                new MVMap.Builder<KeyValue, Object>().keyType(new UniqueIndexKeys()));
        UniqueIndex dedupe = new UniqueIndex(empty, "dedupe", List.of(new IndexKey("tenantId", true),
                new IndexKey("subjectId", true)), false, document -> document.get("_id"));

        // mongo-java-server asks every index for the position of the document it updates: the map is not read.
        assertThat(dedupe.getPosition(new de.bwaldvogel.mongo.bson.Document("_id", "r-1").append("tenantId", "uni")
                .append("subjectId", "c-1"))).isEqualTo("r-1");
    }

    @Test
    void updatesKeepASecondUniqueIndexRightAndARefusedOneChangesNothing() {
        server = new MongoServer(IndexedH2Backend.inMemory());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        MongoCollection<Document> reminders = client.getDatabase("rapport-test").getCollection("reminders");
        reminders.createIndex(Indexes.ascending("tenantId", "subjectId"), new IndexOptions().unique(true).name("dedupe"));
        reminders.insertOne(new Document("_id", "r-1").append("tenantId", "uni").append("subjectId", "c-1").append("version", 1));
        reminders.insertOne(new Document("_id", "r-2").append("tenantId", "uni").append("subjectId", "c-2").append("version", 1));

        // An update that leaves the unique key alone, then one that moves it.
        reminders.updateOne(and(eq("_id", "r-1"), eq("version", 1)), Updates.inc("version", 1));
        reminders.updateOne(eq("_id", "r-1"), Updates.set("subjectId", "c-3"));
        assertThat(reminders.find(and(eq("tenantId", "uni"), eq("subjectId", "c-3"))).first())
                .containsEntry("_id", "r-1").containsEntry("version", 2);
        assertThat(reminders.find(and(eq("tenantId", "uni"), eq("subjectId", "c-1"))).first()).isNull();

        assertThatThrownBy(() -> reminders.updateOne(eq("_id", "r-2"), Updates.set("subjectId", "c-3")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThat(reminders.find(eq("_id", "r-2")).first()).containsEntry("subjectId", "c-2");
        // The freed key can be taken.
        reminders.updateOne(eq("_id", "r-2"), Updates.set("subjectId", "c-1"));
        assertThat(reminders.find(and(eq("tenantId", "uni"), eq("subjectId", "c-1"))).first()).containsEntry("_id", "r-2");
        reminders.deleteOne(eq("_id", "r-2"));
        assertThat(reminders.find(and(eq("tenantId", "uni"), eq("subjectId", "c-1"))).first()).isNull();
        reminders.insertOne(new Document("_id", "r-4").append("tenantId", "uni").append("subjectId", "c-1"));
        assertThat(reminders.countDocuments()).isEqualTo(2);
    }
}
