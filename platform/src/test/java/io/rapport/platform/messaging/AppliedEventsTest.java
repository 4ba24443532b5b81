package io.rapport.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import io.rapport.store.IndexedH2Backend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

class AppliedEventsTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void start() {
        server = new MongoServer(IndexedH2Backend.inMemory());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "applied");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        assertThat(AppliedEvents.upsertOnce(mongo, "views", where("_id").is("c-1"),
                new Update().set("name", "Ada").inc("revision", 1), "event-1")).isTrue();
        assertThat(AppliedEvents.upsertOnce(mongo, "views", where("_id").is("c-1"),
                new Update().set("name", "Ada").inc("revision", 1), "event-1")).isFalse();
        assertThat(AppliedEvents.updateOnce(mongo, "views", where("_id").is("c-1"),
                new Update().inc("revision", 1), "event-1")).isFalse();

        assertThat(mongo.findById("c-1", Document.class, "views").getInteger("revision")).isEqualTo(1);
    }

    @Test
    void distinctEventsEachApplyOnce() {
        for (int i = 0; i < 100; i++) {
            AppliedEvents.upsertOnce(mongo, "views", where("_id").is("c-1"), new Update().inc("revision", 1), "event-" + i);
        }
        AppliedEvents.upsertOnce(mongo, "views", where("_id").is("c-1"), new Update().inc("revision", 1), "event-99");

        Document view = mongo.findById("c-1", Document.class, "views");
        assertThat(view.getInteger("revision")).isEqualTo(100);
        assertThat(view.getList(AppliedEvents.FIELD, String.class)).hasSize(64).endsWith("event-99");
    }
}
