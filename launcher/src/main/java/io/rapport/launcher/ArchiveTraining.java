package io.rapport.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes each service's class-data archive while the system runs, by a training run, so that a service that crashes
 * before it ever stopped cleanly restarts from it.
 *
 * <p>Why: a JVM writes its automatic archive ({@code -XX:+AutoCreateSharedArchive}) only when it exits, and one killed
 * with SIGKILL writes nothing. So after a build every restart after a crash was a cold start: measured on 2 cores
 * ({@code scripts/startup-cache-ab.py}), contacts-service used 10.9 s of CPU before it answered UP cold, 7.1 s from an
 * archive written this way (README, "Figures"). On a loaded machine that CPU is what a restart waits for.
 *
 * <p>How: once the system is up, one service at a time, its jar runs with its own flags, arguments and environment up
 * to the end of its context's refresh ({@link ServiceProcess#startTraining}), writing the classes it loaded; the file
 * then replaces the missing archive, for every instance of the service. It runs at the lowest CPU priority in a
 * session of its own ({@link CpuPriority#lowerSession}): it takes what the running system leaves, so it costs a user
 * nothing, and on a saturated machine it waits. A clean exit of the service later writes a fuller archive over it.
 * {@code jcmd <pid> VM.cds dynamic_dump} of the running service would spare the training run, but the JDK 25 tried
 * crashed (SIGSEGV in {@code LambdaProxyClassDictionary}) at the first lambda created after such a dump.
 */
final class ArchiveTraining implements AutoCloseable {

    /** At the lowest priority under load a run can take long; beyond this it is given up and tried at the next start. */
    static final Duration RUN_LIMIT = Duration.ofMinutes(10);

    private final Consumer<String> progress;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile boolean closed;
    private volatile ChildProcess running;

    private ArchiveTraining(Consumer<String> progress) {
        this.progress = progress;
    }

    /**
     * Trains, in the background, every service among {@code services} whose instances lack an archive.
     *
     * @param progress told about a run that failed (the service then starts cold after a crash, as before)
     */
    static ArchiveTraining start(List<ServiceProcess> services, Consumer<String> progress) {
        ArchiveTraining training = new ArchiveTraining(progress);
        Map<ServiceProcess, List<ServiceProcess>> lacking = new LinkedHashMap<>();
        for (ServiceProcess service : services) {
            if (service.lacksArchive()) {
                lacking.computeIfAbsent(service.firstInstance(), first -> new ArrayList<>()).add(service);
            }
        }
        if (lacking.isEmpty()) {
            training.done.complete(null);
            return training;
        }
        Thread.ofVirtual().name("archive-training").start(() -> {
            try {
                lacking.forEach(training::train);
            } finally {
                training.done.complete(null);
            }
        });
        return training;
    }

    /** Completes once every run has ended (written, failed, or stopped by {@link #close()}). */
    CompletableFuture<Void> done() {
        return done;
    }

    private void train(ServiceProcess first, List<ServiceProcess> instances) {
        if (closed) {
            return;
        }
        Path output = first.archive().resolveSibling(first.archive().getFileName() + ".training");
        ChildProcess child;
        try {
            Files.deleteIfExists(output);
            child = first.startTraining(output, CpuPriority.lowestCommandPrefix());
        } catch (IOException | RuntimeException e) {
            progress.accept("Could not start the training run of " + first.name() + "'s start-up cache: " + e.getMessage());
            return;
        }
        running = child;
        if (closed) {
            child.stop(Duration.ofSeconds(5));
        }
        CpuPriority.lowerSession(child.pid()); // a refusal leaves it at a session's share for a few seconds: harmless
        boolean ended = waitFor(child);
        running = null;
        child.stop(Duration.ofSeconds(5)); // ended: only forgets its pid file; else stops it
        if (closed) {
            deleteQuietly(output);
            return;
        }
        if (!ended || child.exitValue() != 0 || !isNonEmpty(output)) {
            progress.accept(first.name() + "'s start-up cache was not written ("
                    + (ended ? "exit code " + child.exitValue() : "still running after " + RUN_LIMIT.toMinutes() + " min")
                    + "; see " + child.logFile() + "): after a crash it starts without it.");
            deleteQuietly(output);
            return;
        }
        try {
            for (ServiceProcess instance : instances) {
                if (instance.lacksArchive()) {
                    Path copy = instance.archive().resolveSibling(instance.archive().getFileName() + ".new");
                    Files.copy(output, copy, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(copy, instance.archive(), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            progress.accept("Could not put " + first.name() + "'s start-up cache in place: " + e.getMessage());
        } finally {
            deleteQuietly(output);
        }
    }

    private static boolean waitFor(ChildProcess child) {
        try {
            return child.process().waitFor(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isNonEmpty(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException missing) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover training file is overwritten by the next run
        }
    }

    /** Stops a run under way; what it would have written is not kept. */
    @Override
    public void close() {
        closed = true;
        ChildProcess child = running;
        if (child != null) {
            child.stop(Duration.ofSeconds(5));
        }
    }
}
