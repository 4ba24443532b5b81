package io.rapport.reminders;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import io.rapport.store.IndexedH2Backend;
import io.rapport.events.Producer;
import io.rapport.platform.messaging.Outbox;
import io.rapport.reminders.preferences.persistence.MongoPreferences;
import io.rapport.reminders.reminders.persistence.MongoReminders;
import io.rapport.test.StoreCommands;
import io.rapport.test.TestClock;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The real MongoDB adapters over the embedded store (in memory), without starting the service. */
public final class EmbeddedStore implements AutoCloseable {

    public final MongoServer server;
    /** What the store could not answer from an index ({@link IndexedH2Backend#fullScans()}). */
    public final IndexedH2Backend backend;
    public final MongoClient client;
    public final MongoTemplate mongo;
    public final TestClock clock;
    public final MongoReminders reminders;
    public final MongoPreferences preferences;
    /** The commands the adapters sent, e.g. "insert reminders", in order: what an event costs in round trips. */
    public final List<String> commands = new CopyOnWriteArrayList<>();

    public EmbeddedStore(TestClock clock) {
        this.clock = clock;
        backend = IndexedH2Backend.inMemory();
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.add(StoreCommands.describe(event));
                    }
                })
                .build());
        mongo = new MongoTemplate(client, "reminders-unit");
        reminders = new MongoReminders(mongo, new Outbox(Producer.REMINDERS, clock, () -> { }));
        preferences = new MongoPreferences(mongo);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
