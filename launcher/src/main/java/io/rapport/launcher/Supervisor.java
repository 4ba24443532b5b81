package io.rapport.launcher;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Keeps the children up once the system is: a child that exits without having been asked to (a crash, the OOM
 * killer, a {@code kill -9}) is reported and started again, on the same ports and data, after the delay
 * {@link RestartBackOff} gives; one that keeps dying is reported and left down. A child that was asked to stop
 * ({@link ChildProcess#stopRequested()}: {@code stopService}, {@code stopKafka}, Ctrl-C) is never restarted, not
 * even when the request came while it waited for its restart.
 */
final class Supervisor {

    /** How to start one component again. */
    interface Restart {
        /** Its latest process: a stop asked of it while the restart waits cancels the restart. */
        ChildProcess current();

        /** Starts it again and returns the new process once it is ready, or throws {@link LaunchException}. */
        ChildProcess startAgain();
    }

    private static final int LOG_LINES = 30;

    private final Consumer<String> progress;
    private final BooleanSupplier stopping;
    private final Map<String, RestartBackOff> backOffs = new ConcurrentHashMap<>();

    /** @param stopping true once the whole system is being stopped: nothing is restarted from then on */
    Supervisor(Consumer<String> progress, BooleanSupplier stopping) {
        this.progress = progress;
        this.stopping = stopping;
    }

    void watch(ChildProcess child, Restart restart) {
        child.process().onExit().thenRun(() -> {
            if (child.stopRequested() || stopping.getAsBoolean()) {
                return;
            }
            String why = child.name() + " stopped unexpectedly (exit " + child.exitValue() + ")";
            crashed(child, child.uptime(), why, lastLines(child), restart);
        });
    }

    private void crashed(ChildProcess child, Duration uptime, String why, String details, Restart restart) {
        RestartBackOff backOff = backOffs.computeIfAbsent(child.name(), name -> new RestartBackOff());
        Optional<Duration> delay = backOff.afterCrash(System.nanoTime(), uptime);
        if (delay.isEmpty()) {
            progress.accept(why + "; it stopped " + RestartBackOff.MAX_CRASHES + " times within "
                    + RestartBackOff.CRASH_WINDOW.toMinutes() + " minutes, so it is left down (the rest keeps running;"
                    + " restart Rapport once the cause is fixed)." + details);
            return;
        }
        progress.accept(why + "; restarting in " + delay.get().toSeconds() + " s." + details);
        // A platform thread: the restart waits on the system's monitor, which would pin a virtual thread's carrier.
        Thread.ofPlatform().daemon().name("rapport-restart-" + child.name())
                .start(() -> restartAfter(child, delay.get(), restart));
    }

    private void restartAfter(ChildProcess crashed, Duration delay, Restart restart) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            return;
        }
        ChildProcess current = restart.current();
        if (crashed.stopRequested() || (current != null && current.stopRequested()) || stopping.getAsBoolean()) {
            return;
        }
        long started = System.nanoTime();
        ChildProcess again;
        try {
            again = restart.startAgain();
        } catch (LaunchException failed) {
            if (!failed.isCancellation() && !stopping.getAsBoolean()) {
                crashed(crashed, Duration.ofNanos(System.nanoTime() - started), crashed.name() + " did not come back",
                        System.lineSeparator() + failed.getMessage(), restart);
            }
            return;
        } catch (RuntimeException unexpected) {
            if (!stopping.getAsBoolean()) {
                crashed(crashed, Duration.ofNanos(System.nanoTime() - started), crashed.name() + " did not come back",
                        System.lineSeparator() + unexpected, restart);
            }
            return;
        }
        progress.accept(crashed.name() + " ready again in "
                + EmbeddedSystem.seconds(Duration.ofNanos(System.nanoTime() - started)));
        watch(again, restart);
    }

    private static String lastLines(ChildProcess process) {
        return System.lineSeparator() + "Last " + LOG_LINES + " lines of " + process.logFile() + ":"
                + System.lineSeparator() + process.tail(LOG_LINES);
    }
}
