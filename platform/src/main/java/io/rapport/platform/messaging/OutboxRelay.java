package io.rapport.platform.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes the events waiting in the outboxes of this service's collections to Kafka, oldest
 * first, and removes each from its document only once the broker has acknowledged it. While Kafka
 * is unreachable the events simply wait; nothing is lost and nothing is published that was not
 * written. A redelivery after a crash between the ack and the removal is possible: consumers are
 * idempotent for that reason.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final RelayLease lease;
    private final List<String> collections;
    private final Settings settings;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Counter published;
    private final Counter failures;
    private volatile boolean running;
    private Thread worker;

    /** How often to look when idle, how many documents per round, how long to back off after a failure. */
    public record Settings(Duration pollInterval, int batchSize, Duration sendTimeout, Duration maxBackOff) {
    }

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, RelayLease lease,
            List<String> collections, Settings settings, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.lease = lease;
        this.collections = List.copyOf(collections);
        this.settings = settings;
        this.published = meters.counter("rapport.outbox.published");
        this.failures = meters.counter("rapport.outbox.failures");
    }

    public void wake() {
        wakeUps.release();
    }

    @Override
    public void start() {
        if (collections.isEmpty()) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            wake();
            try {
                worker.join(settings.sendTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                lease.release();
            } catch (RuntimeException e) {
                log.debug("Could not release the relay lease", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Duration backOff = settings.pollInterval();
        while (running) {
            boolean more = false;
            try {
                if (lease.hold()) {
                    more = relayOnce() == settings.batchSize();
                }
                backOff = settings.pollInterval();
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("Outbox relay could not publish, retrying in {} ms: {}", backOff.toMillis(), e.toString());
                pause(backOff);
                backOff = min(backOff.multipliedBy(2), settings.maxBackOff());
                continue;
            }
            if (!more) {
                pause(settings.pollInterval());
            }
        }
    }

    /**
     * One round: publish what is pending in up to a batch of documents per collection.
     *
     * @return the most documents found in one collection (a full batch means there may be more)
     */
    public int relayOnce() {
        int most = 0;
        for (String collection : collections) {
            List<Document> documents = mongo.find(
                    Query.query(where(Outbox.PENDING_SINCE).exists(true))
                            .with(Sort.by(Outbox.PENDING_SINCE, "_id")).limit(settings.batchSize()),
                    Document.class, collection);
            most = Math.max(most, documents.size());
            publish(collection, documents);
        }
        return most;
    }

    private void publish(String collection, List<Document> documents) {
        List<Sending> sending = new ArrayList<>();
        for (Document document : documents) {
            List<PendingEvent> events = document.getList(Outbox.FIELD, Document.class, List.of()).stream()
                    .map(PendingEvent::fromDocument).toList();
            List<CompletableFuture<SendResult<String, byte[]>>> acks = events.stream()
                    .map(this::send).toList();
            sending.add(new Sending(document.get("_id"), events, acks));
        }
        kafka.flush();
        RuntimeException firstFailure = null;
        for (Sending each : sending) {
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < each.events().size(); i++) {
                try {
                    each.acks().get(i).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    acknowledged.add(each.events().get(i).id());
                } catch (Exception e) {
                    // Later events of this document stay too, so a member's events keep their order.
                    firstFailure = firstFailure != null ? firstFailure : new IllegalStateException("Kafka did not acknowledge " + each.events().get(i).type(), e);
                    break;
                }
            }
            markPublished(collection, each.documentId(), acknowledged);
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
    }

    private CompletableFuture<SendResult<String, byte[]>> send(PendingEvent event) {
        try {
            return kafka.send(CloudEvents.toRecord(event));
        } catch (RuntimeException e) {
            // Kafka unreachable within max.block.ms: the event stays in the outbox for the next round.
            return CompletableFuture.failedFuture(e);
        }
    }

    private void markPublished(String collection, Object documentId, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        mongo.updateFirst(Query.query(where("_id").is(documentId)),
                new Update().pull(Outbox.FIELD, new Document("id", new Document("$in", eventIds))), collection);
        // Only clears the marker when nothing was appended meanwhile: the filter and the unset are one atomic write.
        mongo.updateFirst(Query.query(where("_id").is(documentId).and(Outbox.FIELD).size(0)),
                new Update().unset(Outbox.PENDING_SINCE), collection);
        published.increment(eventIds.size());
    }

    private void pause(Duration duration) {
        try {
            if (wakeUps.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record Sending(Object documentId, List<PendingEvent> events,
            List<CompletableFuture<SendResult<String, byte[]>>> acks) {
    }
}
