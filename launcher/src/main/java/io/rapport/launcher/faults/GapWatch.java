package io.rapport.launcher.faults;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks a service's route through the gateway every 200 ms, as a member of its own, from the moment a fault is done to
 * it until it has recovered, and keeps the longest time between two successful answers (the first counted from the
 * fault). With two instances the other one must carry on: issue 17 wants no gap longer than the consumers' session
 * timeout; with one it is the whole outage.
 */
final class GapWatch implements AutoCloseable {

    static final String MEMBER = "fault-gap-watch";
    private static final long EVERY_MILLIS = 200;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile long longest;
    private volatile long lastAnswer;
    private volatile long asked;
    private volatile long answered;

    GapWatch(MemberCalls calls, String path) {
        lastAnswer = System.currentTimeMillis();
        thread = Thread.ofPlatform().daemon().name("gap-watch").start(() -> {
            while (running.get()) {
                long started = System.currentTimeMillis();
                boolean ok = calls.get(MEMBER, path).ok();
                asked++;
                long now = System.currentTimeMillis();
                if (ok) {
                    answered++;
                    longest = Math.max(longest, started - lastAnswer);
                    lastAnswer = started;
                }
                JourneyDriver.pause(Math.max(0, EVERY_MILLIS - (now - started)));
            }
        });
    }

    /** Stops asking; the gap still open at that moment counts too. */
    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        longest = Math.max(longest, System.currentTimeMillis() - lastAnswer);
    }

    long longestGapMillis() {
        return longest;
    }

    String summary() {
        return String.format(java.util.Locale.ROOT, "%.1f s (%d of %d answered)", longest / 1000.0, answered, asked);
    }
}
