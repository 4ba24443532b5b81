package io.rapport.platform.domain;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * New record ids: UUID version 7, so ids sort by creation time and lists can page on them in a stable order.
 * Within one process they are strictly increasing even when made in the same millisecond (an import makes
 * hundreds per millisecond): the 12 bits after the time are a counter that starts at a random value each
 * millisecond, as RFC 9562 (6.2, method 3) allows; past 4,096 ids in a millisecond the time runs a little ahead.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The last id's time and counter: millis << 12 | counter. */
    private static final AtomicLong LAST = new AtomicLong();

    private Ids() {
    }

    public static String newId() {
        long start = System.currentTimeMillis() << 12 | RANDOM.nextInt(1 << 10);
        long next = LAST.accumulateAndGet(start, (last, fresh) -> Math.max(last + 1, fresh));
        long msb = (next >>> 12) << 16 | 0x7000L | (next & 0xFFFL);
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
