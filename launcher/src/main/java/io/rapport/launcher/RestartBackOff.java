package io.rapport.launcher;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * When to start a crashed child again: after 1 s, then 2 s, 4 s … at most 30 s, so a child that cannot start
 * (a corrupt file, a full disk) does not spin the machine, while one that crashed once is back at once. A child
 * that stayed up for a minute before crashing starts the count from 1 s again. One that crashed five times within
 * five minutes is left down: restarting it again would only hide the problem from whoever reads the output.
 */
final class RestartBackOff {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);
    /** Up this long before crashing counts as having recovered: the next delay is the first one again. */
    static final Duration STABLE_AFTER = Duration.ofMinutes(1);
    static final int MAX_CRASHES = 5;
    static final Duration CRASH_WINDOW = Duration.ofMinutes(5);

    private final Deque<Long> crashes = new ArrayDeque<>();
    private int streak;

    /**
     * @param nowNanos  when it crashed ({@link System#nanoTime()})
     * @param uptime    how long it had been running
     * @return how long to wait before starting it again; empty to leave it down
     */
    synchronized Optional<Duration> afterCrash(long nowNanos, Duration uptime) {
        if (uptime.compareTo(STABLE_AFTER) >= 0) {
            streak = 0;
        }
        crashes.addLast(nowNanos);
        while (nowNanos - crashes.peekFirst() > CRASH_WINDOW.toNanos()) {
            crashes.removeFirst();
        }
        if (crashes.size() >= MAX_CRASHES) {
            return Optional.empty();
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(streak, 10));
        streak++;
        return Optional.of(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
    }
}
