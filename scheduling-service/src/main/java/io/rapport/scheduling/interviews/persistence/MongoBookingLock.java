package io.rapport.scheduling.interviews.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.Member;
import io.rapport.scheduling.interviews.BookingLock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * A lease per member in MongoDB: taking it is an upsert matching only an expired lease, so while
 * another holder's lease runs the upsert collides on {@code _id} and the taker waits. A crashed
 * holder's lease simply expires.
 */
@Repository
class MongoBookingLock implements BookingLock {

    static final String COLLECTION = "booking_locks";
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final long RETRY_MILLIS = 10;

    private final MongoTemplate mongo;
    private final Clock clock;

    MongoBookingLock(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public <T> T exclusively(Member member, Supplier<T> work) {
        String key = member.tenantId() + "/" + member.memberId();
        String holder = UUID.randomUUID().toString();
        acquire(key, holder);
        try {
            return work.get();
        } finally {
            mongo.remove(Query.query(where("_id").is(key).and("holder").is(holder)), COLLECTION);
        }
    }

    private void acquire(String key, String holder) {
        Instant giveUp = clock.instant().plus(PATIENCE);
        while (true) {
            Instant now = clock.instant();
            try {
                mongo.upsert(Query.query(where("_id").is(key).and("lockedUntil").lt(Date.from(now))),
                        new Update().set("holder", holder).set("lockedUntil", Date.from(now.plus(LEASE))), COLLECTION);
                return;
            } catch (DuplicateKeyException held) {
                if (now.isAfter(giveUp)) {
                    throw new ConflictException("Another change to your calendar is in progress. Try again in a moment.");
                }
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the member's calendar", e);
                }
            }
        }
    }
}
