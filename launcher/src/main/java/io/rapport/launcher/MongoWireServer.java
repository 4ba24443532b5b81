package io.rapport.launcher;

import io.rapport.store.StoreServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The MongoDB wire-compatible store ({@link StoreServer}: mongo-java-server's H2 backend with real secondary
 * indexes) in a JVM of its own, persisting to one MVStore file: its heap is bounded and measured on its own,
 * and a crash of the launcher cannot leave the file half-written. The services cannot tell it from MongoDB.
 */
public final class MongoWireServer implements AutoCloseable {

    static final Duration STOP_GRACE = Duration.ofSeconds(15);
    /** Holds the documents' page cache and the secondary indexes of a school's worth of data (see the README). */
    static final String HEAP = "384m";

    /**
     * Beyond the ready timeout, for a store that is compacting its file before it listens: the data-path benchmark's
     * 26 GB file (8 % live) took 104 s, against the 120 s then given to a start (240 s now).
     */
    static final Duration COMPACTION_ALLOWANCE = Duration.ofMinutes(15);

    private final ChildProcess process;
    private final int port;
    private final Optional<String> sessionNotRaised;

    /** Whether the store's log says it is compacting its file (it has not failed; it is working). */
    static boolean compacting(String logTail) {
        return logTail.lines().anyMatch(line -> line.contains(StoreServer.COMPACTING)
                && line.contains("StoreFileCompaction"));
    }

    private MongoWireServer(ChildProcess process, int port, Optional<String> sessionNotRaised) {
        this.process = process;
        this.port = port;
        this.sessionNotRaised = sessionNotRaised;
    }

    /** Opens (or creates) the file in its own process and returns once it listens on 127.0.0.1:port. */
    public static MongoWireServer start(DataFolder folder, int port, Duration timeout) {
        return start(folder.mongoFile(), port, folder.logFile("mongo"), folder.pidsDir(),
                folder.cdsDir().resolve("mongo.jsa"), timeout);
    }

    static MongoWireServer start(Path file, int port, Path logFile, Path pidsDir, Path archive, Duration timeout) {
        // Raised for good: every service waits on it, and as one session among a dozen it got a dozen's share of
        // the cores (CpuPriority).
        List<String> command = new ArrayList<>(CpuPriority.raisedCommandPrefix());
        command.add(JavaRuntime.javaExecutable());
        command.addAll(JvmFlags.forStore(archive.toAbsolutePath(), HEAP));
        command.add("-cp");
        command.add(storeClassPath());
        command.add(StoreServer.class.getName());
        command.add("--file=" + file.toAbsolutePath());
        command.add("--port=" + port);
        try {
            Files.createDirectories(archive.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw LaunchException.startFailed("Could not create " + archive.getParent() + ": " + e.getMessage());
        }
        ChildProcess child = ChildProcess.start("mongo", command, logFile, pidsDir);
        MongoWireServer server = new MongoWireServer(child, port, CpuPriority.raiseSession(child.pid()));
        try {
            server.awaitReady(timeout);
        } catch (RuntimeException e) {
            child.stop(STOP_GRACE);
            throw e;
        }
        return server;
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean compactionAllowed = false;
        while (!PortCheck.accepts(port)) {
            if (process.stopRequested()) {
                throw LaunchException.cancelled();
            }
            if (!process.isAlive()) {
                throw LaunchException.startFailed("MongoDB exited during start-up (exit code " + process.exitValue()
                        + "):" + System.lineSeparator() + process.tail(10));
            }
            if (System.nanoTime() > deadline && !compactionAllowed && compacting(process.tail(30))) {
                compactionAllowed = true;
                deadline += COMPACTION_ALLOWANCE.toNanos();
            }
            if (System.nanoTime() > deadline) {
                throw LaunchException.startFailed("MongoDB was not ready within " + timeout.toSeconds() + " s:"
                        + System.lineSeparator() + process.tail(30));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw LaunchException.cancelled();
            }
        }
    }

    public int port() {
        return port;
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** Why the store's session runs at its share of the CPU rather than raised, if the kernel refused (CpuPriority). */
    Optional<String> sessionNotRaised() {
        return sessionNotRaised;
    }

    ChildProcess process() {
        return process;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** SIGTERM: the store disconnects its clients, then closes the file, which commits it. */
    @Override
    public void close() {
        if (process.isAlive() || !process.stopRequested()) {
            process.stop(STOP_GRACE);
        }
    }


    /** The launcher's jars, plus the store's classes where they are a directory (a build that has not packaged it yet). */
    static String storeClassPath() {
        String jars = JavaRuntime.jarsOnlyClassPath();
        try {
            Path store = Path.of(StoreServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(store) ? jars + File.pathSeparator + store : jars;
        } catch (java.net.URISyntaxException e) {
            return jars;
        }
    }
}
