package io.rapport.platform.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Which instance of a service relays its outbox. Several instances run against one database; one
 * holds the lease at a time, so events go out once and in order. A crashed holder's lease runs
 * out and another instance takes over.
 */
public class RelayLease {

    static final String COLLECTION = "outbox_relay_lease";
    private static final String ID = "relay";

    private final MongoTemplate mongo;
    private final String owner;
    private final Duration duration;
    private final Clock clock;
    private Instant heldUntil = Instant.EPOCH;

    public RelayLease(MongoTemplate mongo, String owner, Duration duration, Clock clock) {
        this.mongo = mongo;
        this.owner = owner;
        this.duration = duration;
        this.clock = clock;
    }

    /** True while this instance holds the lease; renews it once a third of it has run. */
    public boolean hold() {
        Instant now = clock.instant();
        if (now.isBefore(heldUntil.minus(duration.dividedBy(3).multipliedBy(2)))) {
            return true;
        }
        Instant until = now.plus(duration);
        Query mineOrExpired = Query.query(where("_id").is(ID)
                .orOperator(where("owner").is(owner), where("until").lt(Date.from(now))));
        try {
            Document granted = mongo.findAndModify(mineOrExpired,
                    new Update().set("owner", owner).set("until", Date.from(until)),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
            heldUntil = granted != null && owner.equals(granted.getString("owner")) ? until : Instant.EPOCH;
        } catch (DuplicateKeyException heldByAnother) {
            heldUntil = Instant.EPOCH;
        }
        return heldUntil.isAfter(now);
    }

    /** Gives the lease up at shutdown so another instance need not wait for it to run out. */
    public void release() {
        if (heldUntil.isAfter(clock.instant())) {
            mongo.remove(Query.query(Criteria.where("_id").is(ID).and("owner").is(owner)), COLLECTION);
        }
        heldUntil = Instant.EPOCH;
    }

    public String owner() {
        return owner;
    }
}
