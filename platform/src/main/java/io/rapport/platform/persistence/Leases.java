package io.rapport.platform.persistence;

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
 * Named leases in one collection, for work that one holder at a time may do across any number of
 * instances (relaying the outbox, changing one member's calendar). Taking a lease is one atomic write that
 * matches only a lease that is free, expired or already the taker's; while another holder's lease runs,
 * the write collides on {@code _id} and the taker is refused. A crashed holder's lease simply runs out.
 * Every query is by {@code _id}.
 */
public class Leases {

    private final MongoTemplate mongo;
    private final String collection;
    private final Clock clock;

    public Leases(MongoTemplate mongo, String collection, Clock clock) {
        this.mongo = mongo;
        this.collection = collection;
        this.clock = clock;
    }

    /**
     * Takes or renews the lease {@code name} for {@code holder} until now + {@code duration}.
     *
     * @return the instant it is held until, or null if another holder has it
     */
    public Instant tryTake(String name, String holder, Duration duration) {
        Instant now = clock.instant();
        Instant until = now.plus(duration);
        Query freeOrMine = Query.query(where("_id").is(name)
                .orOperator(where("holder").is(holder), where("until").lt(Date.from(now))));
        try {
            Document granted = mongo.findAndModify(freeOrMine,
                    new Update().set("holder", holder).set("until", Date.from(until)),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, collection);
            return granted != null && holder.equals(granted.getString("holder")) ? until : null;
        } catch (DuplicateKeyException heldByAnother) {
            return null;
        }
    }

    /** Gives the lease up early, if this holder still has it. */
    public void release(String name, String holder) {
        mongo.remove(Query.query(Criteria.where("_id").is(name).and("holder").is(holder)), collection);
    }
}
