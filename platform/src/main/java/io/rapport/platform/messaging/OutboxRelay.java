package io.rapport.platform.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import io.rapport.platform.persistence.Leases;
import io.rapport.platform.work.BackgroundWorker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes the events waiting in the outboxes of this service's collections to Kafka, oldest first, and
 * removes each from its document only once the broker has acknowledged it. While Kafka is unreachable the
 * events simply wait; nothing is lost and nothing is published that was not written. A redelivery after a
 * crash between the ack and the removal is possible: consumers are idempotent for that reason.
 *
 * <p>What it costs follows what is written, not what is stored: a write wakes it at once; it finds pending
 * documents through the sparse {@code outbox_pending} index (only documents with unpublished events are in
 * it, in the order they became pending), sends a whole batch before waiting for the acks, and clears the
 * batch in one bulk write by {@code _id}. With nothing written it looks once per idle interval, which costs
 * an empty index lookup per collection and catches what another instance left behind when it died.
 *
 * <p>One instance relays at a time (a lease), so events go out once and in order; another takes over when
 * the holder's lease runs out.
 */
public class OutboxRelay implements SmartLifecycle {

    static final String LEASE = "outbox-relay";
    public static final String LEASES_COLLECTION = "outbox_relay_lease";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Leases leases;
    private final String holder;
    private final Clock clock;
    private final List<String> collections;
    private final Settings settings;
    private final Counter published;
    private final BackgroundWorker worker;
    private Instant heldUntil = Instant.EPOCH;

    /**
     * How long to wait when nothing is written, how many documents per round and collection, how long to
     * wait for Kafka's acks, the longest back-off after failures, and how long the relay lease lasts.
     */
    public record Settings(Duration idle, int batchSize, Duration sendTimeout, Duration maxBackOff, Duration lease) {
    }

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, Leases leases, String holder,
            Clock clock, List<String> collections, Settings settings, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.leases = leases;
        this.holder = holder;
        this.clock = clock;
        this.collections = List.copyOf(collections);
        this.settings = settings;
        this.collections.forEach(collection -> Outbox.declarePendingIndex(mongo, collection));
        this.published = meters.counter("rapport.outbox.published");
        Counter failures = meters.counter("rapport.outbox.failures");
        this.worker = new BackgroundWorker("outbox-relay", () -> {
            try {
                return relayOnce() == settings.batchSize();
            } catch (RuntimeException e) {
                failures.increment();
                throw e;
            }
        }, new BackgroundWorker.Pacing(settings.idle(), settings.maxBackOff()), this::releaseLease);
    }

    /** Something was written: relay it now rather than at the next idle look. */
    public void wake() {
        worker.wake();
    }

    @Override
    public void start() {
        if (!collections.isEmpty()) {
            worker.start();
        }
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }

    /**
     * One round: publish what is pending in up to a batch of documents per collection, if this instance
     * holds the relay lease.
     *
     * @return the most documents found in one collection (a full batch means there may be more)
     */
    public int relayOnce() {
        if (!holdLease()) {
            return 0;
        }
        int most = 0;
        for (String collection : collections) {
            Query pending = Query.query(where(Outbox.PENDING_SINCE).exists(true))
                    .with(Sort.by(Outbox.PENDING_SINCE, "_id")).limit(settings.batchSize());
            pending.fields().include("_id", Outbox.FIELD);
            List<Document> documents = mongo.find(pending, Document.class, collection);
            most = Math.max(most, documents.size());
            if (!documents.isEmpty()) {
                publish(collection, documents);
            }
        }
        return most;
    }

    /** Holds the lease, renewing it when a third of it is left. */
    private boolean holdLease() {
        Instant now = clock.instant();
        if (now.isBefore(heldUntil.minus(settings.lease().dividedBy(3)))) {
            return true;
        }
        Instant until = leases.tryTake(LEASE, holder, settings.lease());
        heldUntil = until != null ? until : Instant.EPOCH;
        return until != null;
    }

    private void releaseLease() {
        if (heldUntil.isAfter(clock.instant())) {
            leases.release(LEASE, holder);
        }
        heldUntil = Instant.EPOCH;
    }

    private void publish(String collection, List<Document> documents) {
        List<Sending> sending = new ArrayList<>(documents.size());
        for (Document document : documents) {
            List<PendingEvent> events = document.getList(Outbox.FIELD, Document.class, List.of()).stream()
                    .map(PendingEvent::fromDocument).toList();
            sending.add(new Sending(document.get("_id"), events, events.stream().map(this::send).toList()));
        }
        kafka.flush();
        RuntimeException firstFailure = null;
        List<Acknowledged> acknowledged = new ArrayList<>(sending.size());
        for (Sending each : sending) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < each.events().size(); i++) {
                try {
                    each.acks().get(i).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    ids.add(each.events().get(i).id());
                } catch (Exception e) {
                    // Later events of this document stay too, so a member's events keep their order.
                    if (firstFailure == null) {
                        firstFailure = new IllegalStateException(
                                "Kafka did not acknowledge " + each.events().get(i).type(), e);
                    }
                    break;
                }
            }
            if (!ids.isEmpty() || each.events().isEmpty()) {
                acknowledged.add(new Acknowledged(each.documentId(), ids));
            }
        }
        markPublished(collection, acknowledged);
        if (firstFailure != null) {
            throw firstFailure;
        }
    }

    private CompletableFuture<SendResult<String, byte[]>> send(PendingEvent event) {
        try (Scope trace = TraceParent.resume(event.traceparent())) {
            return kafka.send(CloudEvents.toRecord(event));
        } catch (RuntimeException e) {
            // Kafka unreachable within max.block.ms: the event stays in the outbox for the next round.
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Removes the acknowledged events and, where nothing was appended meanwhile, the pending marker: one bulk write,
     * and in the usual case one update per document. Each filter and its update are one atomic write.
     */
    private void markPublished(String collection, List<Acknowledged> acknowledged) {
        if (acknowledged.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, collection);
        for (Acknowledged each : acknowledged) {
            if (each.eventIds().isEmpty()) {
                // A marker on an empty outbox (an earlier version cleared the marker in a second write, which a
                // stopped relay could miss): clear it.
                bulk.updateOne(Query.query(where("_id").is(each.documentId()).and(Outbox.FIELD).size(0)),
                        new Update().unset(Outbox.PENDING_SINCE));
                continue;
            }
            Document published = new Document("id", new Document("$in", each.eventIds()));
            // The outbox holds exactly the events published: it empties and stops being pending in one write.
            bulk.updateOne(Query.query(where("_id").is(each.documentId()).and(Outbox.FIELD).size(each.eventIds().size())
                            .and(Outbox.FIELD + ".id").all(each.eventIds())),
                    new Update().pull(Outbox.FIELD, published).unset(Outbox.PENDING_SINCE));
            // Events appended since the read: only the published ones go, the marker stays for the next round. After
            // the write above this matches nothing, and costs a lookup by _id.
            bulk.updateOne(Query.query(where("_id").is(each.documentId()).and(Outbox.FIELD + ".id").in(each.eventIds())),
                    new Update().pull(Outbox.FIELD, published));
        }
        bulk.execute();
        published.increment(acknowledged.stream().mapToInt(each -> each.eventIds().size()).sum());
    }

    public String holder() {
        return holder;
    }

    private record Sending(Object documentId, List<PendingEvent> events,
            List<CompletableFuture<SendResult<String, byte[]>>> acks) {
    }

    private record Acknowledged(Object documentId, List<String> eventIds) {
    }
}
