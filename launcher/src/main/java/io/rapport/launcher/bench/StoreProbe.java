package io.rapport.launcher.bench;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * The store, read directly — only to time its raw single-document upsert and to count what the services stored
 * for the report. Nothing the services measure is written here.
 */
final class StoreProbe implements AutoCloseable {

    private final MongoClient client;

    StoreProbe(String uri) {
        this.client = MongoClients.create(uri);
    }

    /** {@code updateOne(eq(_id), set(...), upsert)} one by one into a bench database: upserts per second. */
    double rawUpsertRate(int upserts) {
        MongoCollection<Document> collection = client.getDatabase("bench-raw").getCollection("upserts");
        collection.drop();
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        long started = System.nanoTime();
        for (int i = 0; i < upserts; i++) {
            collection.updateOne(eq("_id", "doc-" + i), set("value", i), upsert);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        collection.drop();
        return upserts / seconds;
    }

    /**
     * The count command, which the store answers from the collection's size: {@code countDocuments()} is an
     * aggregation, and the embedded store gathers every document it matches before counting (at 100,000
     * contacts its heap ran out).
     */
    long count(String database, String collection) {
        return client.getDatabase(database).getCollection(collection).estimatedDocumentCount();
    }

    long reminders() {
        return count("rapport-reminders", "reminders");
    }

    long contacts() {
        return count("rapport-contacts", "contacts");
    }

    long interviews() {
        return count("rapport-scheduling", "interviews");
    }

    /**
     * Reminders of one rule due at one instant with the given status: read through reminders-service's own
     * {@code due_reminders (status, dueAt)} index, only their ids sent back (polled every second while 100,000 are
     * stored, so neither a scan of every reminder nor whole documents).
     */
    long remindersDueAt(String rule, Instant dueAt, String status) {
        long count = 0;
        for (Document ignored : client.getDatabase("rapport-reminders").getCollection("reminders")
                .find(and(eq("status", status), eq("dueAt", Date.from(dueAt)), eq("rule", rule)))
                .projection(com.mongodb.client.model.Projections.include("_id")).batchSize(10_000)) {
            count++;
        }
        return count;
    }

    @Override
    public void close() {
        client.close();
    }
}
