package io.rapport.platform.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * How long the oldest event still waiting in an outbox has waited ({@code rapport_outbox_oldest_pending_age_seconds},
 * per collection): near zero while the relay keeps up, growing while Kafka is away or the relay is stuck. Read when
 * Prometheus scrapes, from the first entry of the sparse {@code outbox_pending} index (only documents with
 * unpublished events are in it, oldest first): one index entry per collection, never a scan, nothing at rest.
 */
public class OutboxAge implements MeterBinder {

    private final MongoTemplate mongo;
    private final List<String> collections;
    private final Clock clock;

    public OutboxAge(MongoTemplate mongo, List<String> collections, Clock clock) {
        this.mongo = mongo;
        this.collections = List.copyOf(collections);
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String collection : collections) {
            Gauge.builder("rapport.outbox.oldest.pending.age", () -> secondsWaited(collection))
                    .description("Age of the oldest event not yet published from this collection's outboxes (0 when none)")
                    .baseUnit("seconds")
                    .tag("collection", collection)
                    .register(registry);
        }
    }

    /** 0 when nothing waits; NaN (no sample) when the store does not answer, which is not "all published". */
    double secondsWaited(String collection) {
        try {
            Query oldest = Query.query(where(Outbox.PENDING_SINCE).exists(true))
                    .with(Sort.by(Outbox.PENDING_SINCE)).limit(1);
            oldest.fields().include(Outbox.PENDING_SINCE).exclude("_id");
            Document found = mongo.findOne(oldest, Document.class, collection);
            if (found == null) {
                return 0;
            }
            Date since = found.getDate(Outbox.PENDING_SINCE);
            return Math.max(0, Duration.between(since.toInstant(), clock.instant()).toMillis() / 1000.0);
        } catch (RuntimeException storeAway) {
            return Double.NaN;
        }
    }
}
