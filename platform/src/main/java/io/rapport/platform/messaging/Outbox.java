package io.rapport.platform.messaging;

import io.rapport.events.DomainEvent;
import io.rapport.events.EventCatalogue;
import io.rapport.events.EventType;
import io.rapport.events.Producer;
import io.rapport.platform.correlation.Correlation;
import io.rapport.platform.domain.Ids;
import io.rapport.platform.domain.Member;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Puts events into the same document write as the state change that caused them: pending events
 * live in the document's {@code outbox} array until the {@link OutboxRelay} has published them.
 * A write that is rejected (duplicate, stale version) therefore emits nothing, and a write that
 * succeeds cannot lose its events, with no multi-document transaction.
 */
public class Outbox {

    public static final String FIELD = "outbox";
    /** Set while the outbox holds events: the time of the oldest, so the relay publishes oldest first. */
    public static final String PENDING_SINCE = "outboxSince";
    public static final String PENDING_INDEX = "outbox_pending";

    private final Producer producer;
    private final Clock clock;
    private final Runnable wakeRelay;

    public Outbox(Producer producer, Clock clock, Runnable wakeRelay) {
        this.producer = producer;
        this.clock = clock;
        this.wakeRelay = wakeRelay;
    }

    /**
     * Declares the sparse index the relay finds pending documents through: only documents with unpublished
     * events are in it, oldest first, so finding them costs what is pending, not what is stored. The relay
     * declares it for every collection listed under {@code rapport.outbox.collections}.
     */
    public static void declarePendingIndex(MongoTemplate mongo, String collection) {
        mongo.indexOps(collection).createIndex(new Index().on(PENDING_SINCE, Sort.Direction.ASC).sparse()
                .named(PENDING_INDEX));
    }

    /** For a new document: the events go in as its initial outbox. */
    public Document addTo(Document document, Member owner, List<? extends DomainEvent> events) {
        if (!events.isEmpty()) {
            document.put(FIELD, toDocuments(owner, events));
            document.put(PENDING_SINCE, Date.from(clock.instant()));
        }
        return document;
    }

    /** For an update: the events are appended to whatever the relay has not published yet. */
    public Update addTo(Update update, Member owner, List<? extends DomainEvent> events) {
        if (!events.isEmpty()) {
            update.push(FIELD).each(toDocuments(owner, events).toArray());
            update.min(PENDING_SINCE, Date.from(clock.instant()));
        }
        return update;
    }

    /** Tells the relay in this instance that there is something to publish, so it need not wait for its next poll. */
    public void written() {
        wakeRelay.run();
    }

    private List<Document> toDocuments(Member owner, List<? extends DomainEvent> events) {
        String correlationId = Correlation.current();
        String traceparent = TraceParent.current();
        return events.stream().map(event -> pending(owner, correlationId, traceparent, event).toDocument()).toList();
    }

    private PendingEvent pending(Member owner, String correlationId, String traceparent, DomainEvent event) {
        EventType type = EventCatalogue.of(event);
        if (type.producer() != producer) {
            throw new IllegalStateException(type.name() + " is published by " + type.producer() + ", not " + producer);
        }
        return new PendingEvent(Ids.newId(), type.name(), type.schemaVersion(), producer.topic(), producer.source(),
                event.subject(), owner.memberId(), owner.tenantId(), correlationId, clock.instant(),
                EventJson.write(event), traceparent);
    }
}
