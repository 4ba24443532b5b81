package io.rapport.test;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The commands a service sends its store while a test's request runs, e.g. {@code "find contacts"}, {@code "update
 * contacts"}: so a test can say how many round trips a user's call costs, which is what the data path's latency and
 * CPU follow. Only the commands of threads serving HTTP are kept (the outbox relay and the consumers run beside the
 * request on threads of their own); a test runs one request at a time, so they are that request's.
 */
public final class StoreCommands {

    private final List<String> recorded = new CopyOnWriteArrayList<>();
    private volatile boolean recording;

    /** The store commands {@code call} caused in the service's request threads, in order. */
    public List<String> of(Runnable call) {
        recorded.clear();
        recording = true;
        try {
            call.run();
        } finally {
            recording = false;
        }
        return List.copyOf(recorded);
    }

    /** The command and its collection, e.g. {@code "find contacts"}, as the tests name them. */
    public static String describe(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        // A command's first field names the command, and its value the collection (e.g. {find: "contacts"}).
        String first = command.getFirstKey();
        String collection = command.get(first).isString() ? " " + command.getString(first).getValue() : "";
        return event.getCommandName() + collection;
    }

    private void started(CommandStartedEvent event) {
        if (recording && Thread.currentThread().getName().startsWith("http-nio-")) {
            recorded.add(describe(event));
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Recorder {

        @Bean
        StoreCommands storeCommands() {
            return new StoreCommands();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer recordStoreCommands(StoreCommands commands) {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    commands.started(event);
                }
            });
        }
    }
}
