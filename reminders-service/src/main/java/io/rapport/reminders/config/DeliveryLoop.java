package io.rapport.reminders.config;

import io.rapport.reminders.reminders.DailyDigest;
import io.rapport.reminders.reminders.DeliveryEngine;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the delivery engine in this instance: rounds back to back while there is work, a pause
 * when there is none. Safe with any number of instances, since every reminder is claimed before
 * it is delivered.
 */
public class DeliveryLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLoop.class);

    private final DeliveryEngine engine;
    private final DailyDigest digest;
    private final Duration pollInterval;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public DeliveryLoop(DeliveryEngine engine, DailyDigest digest, Duration pollInterval) {
        this.engine = engine;
        this.digest = digest;
        this.pollInterval = pollInterval;
    }

    /** Starts a round now instead of at the next poll (tests that move the clock use it). */
    public void wake() {
        wakeUps.release();
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("reminder-delivery").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            wake();
            try {
                worker.join(5_000);
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
        while (running) {
            boolean fullBatch = false;
            try {
                fullBatch = engine.deliverDue() >= engine.settings().batchSize();
                if (digest != null) {
                    digest.sendDue();
                }
            } catch (RuntimeException e) {
                log.warn("Reminder delivery round failed, retrying in {} ms: {}", pollInterval.toMillis(), e.toString());
            }
            if (!fullBatch) {
                pause();
            }
        }
    }

    private void pause() {
        try {
            if (wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
