package io.rapport.scheduling.interviews.persistence;

import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.Member;
import io.rapport.platform.persistence.Leases;
import io.rapport.scheduling.interviews.BookingLock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * One member's calendar changes one at a time across every instance: a lease per member (the platform's
 * {@link Leases}). A taker waits briefly for another holder's lease; a crashed holder's lease expires.
 */
@Repository
class MongoBookingLock implements BookingLock {

    static final String COLLECTION = "booking_locks";
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final long RETRY_MILLIS = 10;

    private final Leases leases;
    private final Clock clock;

    MongoBookingLock(MongoTemplate mongo, Clock clock) {
        this.leases = new Leases(mongo, COLLECTION, clock);
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
            leases.release(key, holder);
        }
    }

    private void acquire(String key, String holder) {
        Instant giveUp = clock.instant().plus(PATIENCE);
        while (leases.tryTake(key, holder, LEASE) == null) {
            if (clock.instant().isAfter(giveUp)) {
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
