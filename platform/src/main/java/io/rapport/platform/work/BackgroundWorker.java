package io.rapport.platform.work;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One background thread doing rounds of work: back to back while a round says there is more, otherwise
 * waiting until woken or until the idle interval has passed; after a failure it backs off, doubling up to
 * a ceiling. Waking is cheap and coalesces, so a burst of writes costs a few rounds, not one each. The
 * outbox relay and the reminder delivery both run on it. A worker whose rounds are expensive and whose work keeps
 * coming (insights' figures) can keep to a share of its thread's time ({@link Pacing#busyShare()}).
 */
public class BackgroundWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWorker.class);

    /**
     * How long to wait when there is nothing to do, the longest back-off after failures, the most of the thread's
     * time rounds may take while work keeps coming (1: back to back; 0.25: after a round that took t, a rest of 3t),
     * and the shortest rest after a round that found nothing more, however often the worker is woken meanwhile (so
     * that wake-ups from a stream of writes cost a round per {@code minRest}, not one each).
     */
    public record Pacing(Duration idle, Duration maxBackOff, double busyShare, Duration minRest) {

        public Pacing {
            if (!(busyShare > 0 && busyShare <= 1)) {
                throw new IllegalArgumentException("a busy share is in (0, 1], not " + busyShare);
            }
        }

        public Pacing(Duration idle, Duration maxBackOff, double busyShare) {
            this(idle, maxBackOff, busyShare, Duration.ZERO);
        }

        public Pacing(Duration idle, Duration maxBackOff) {
            this(idle, maxBackOff, 1);
        }

        /** The rest owed after a round that took {@code round}, so rounds keep to the busy share (at most a minute). */
        Duration restAfter(Duration round) {
            if (busyShare >= 1) {
                return Duration.ZERO;
            }
            long nanos = (long) (round.toNanos() * (1 - busyShare) / busyShare);
            return Duration.ofNanos(Math.min(nanos, Duration.ofMinutes(1).toNanos()));
        }
    }

    /**
     * A round that says how long the worker may rest before the next one: {@link Duration#ZERO} when more is waiting,
     * else at most the pacing's idle interval (a longer rest is cut to it). A worker woken meanwhile starts at once.
     */
    @FunctionalInterface
    public interface Round {
        Duration rest();
    }

    private final String name;
    private final Round round;
    private final Pacing pacing;
    private final Runnable onStop;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /**
     * @param round does one round of work and says whether more is waiting
     * @param onStop runs on the worker's thread after its last round (e.g. to give up a lease)
     */
    public BackgroundWorker(String name, BooleanSupplier round, Pacing pacing, Runnable onStop) {
        this(name, () -> round.getAsBoolean() ? Duration.ZERO : pacing.idle(), pacing, onStop);
    }

    /**
     * A worker whose rounds know when the next work falls due (the reminder delivery: the next reminder's due time),
     * so that at rest it looks only then, not at every idle interval.
     *
     * @param round does one round of work and says how long to rest before the next
     */
    public BackgroundWorker(String name, Round round, Pacing pacing, Runnable onStop) {
        this.name = name;
        this.round = round;
        this.pacing = pacing;
        this.onStop = onStop;
    }

    /** Starts a round now rather than after the idle interval. */
    public void wake() {
        wakeUps.release();
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            wake();
            try {
                thread.join(pacing.maxBackOff().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Duration backOff = pacing.idle();
        try {
            while (running) {
                Duration rest;
                try {
                    long began = System.nanoTime();
                    rest = round.rest();
                    rest(pacing.restAfter(Duration.ofNanos(System.nanoTime() - began)));
                    backOff = pacing.idle();
                } catch (RuntimeException e) {
                    log.warn("{} failed, retrying in {} ms: {}", name, backOff.toMillis(), e.toString());
                    pause(backOff);
                    backOff = backOff.multipliedBy(2).compareTo(pacing.maxBackOff()) < 0
                            ? backOff.multipliedBy(2) : pacing.maxBackOff();
                    continue;
                }
                if (rest.isPositive()) {
                    long restFrom = System.nanoTime();
                    pause(rest.compareTo(pacing.idle()) < 0 ? rest : pacing.idle());
                    rest(pacing.minRest().minusNanos(System.nanoTime() - restFrom));
                }
            }
        } finally {
            try {
                onStop.run();
            } catch (RuntimeException e) {
                log.debug("{} could not clean up on stop", name, e);
            }
        }
    }

    /** Sleeps, however often the worker is woken meanwhile (a stop ends it within 100 ms). */
    private void rest(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        while (running) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Duration.ofNanos(Math.min(left, Duration.ofMillis(100).toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private void pause(Duration duration) {
        try {
            if (wakeUps.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
