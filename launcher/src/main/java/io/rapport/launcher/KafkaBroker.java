package io.rapport.launcher;

import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real single-node KRaft Kafka broker in its own JVM: the services get the same protocol, transactions and
 * rebalances as in production, and a broker crash cannot take the launcher (or the store) with it.
 * Its data lives under {@code <dir>/logs}, so stopping and starting again keeps every record and offset.
 */
public final class KafkaBroker implements AutoCloseable {

    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /**
     * How long a started broker keeps its raise once it answers: its clients reconnect, the consumer groups join
     * again and the backlog of the time it was down flows through it then. Not for good, as the store is: its own
     * start is where the raise was measured to help (fault suite, 2 instances, session 22: answering 43.7 s after its
     * start at normal priority, 8.9-13.4 s raised in four runs); a raise kept under load takes from the services.
     */
    static final Duration RAISED_AFTER_READY = Duration.ofSeconds(20);

    private final Path dir;
    private final Path logFile;
    private final Path pidsDir;
    private final Path archive;
    private final int port;
    private final int controllerPort;
    private volatile ChildProcess process;
    private volatile Optional<String> sessionNotRaised = Optional.empty();
    /** Once closed, a start still under way must not leave a broker behind (Ctrl-C during start-up). */
    private boolean closed;

    /**
     * @param dir     holds server.properties and the log dirs
     * @param logFile where the broker's own output goes
     * @param pidsDir where to note its process id (see {@link ChildProcess#leftovers}); null for none
     * @param archive the class-data-sharing archive that makes its JVM start faster (made on its first exit)
     */
    public KafkaBroker(Path dir, Path logFile, Path pidsDir, Path archive, int port, int controllerPort) {
        this.dir = dir.toAbsolutePath();
        this.logFile = logFile.toAbsolutePath();
        this.pidsDir = pidsDir == null ? null : pidsDir.toAbsolutePath();
        this.archive = archive.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public KafkaBroker(DataFolder folder, int port, int controllerPort) {
        this(folder.kafkaDir(), folder.logFile("kafka"), folder.pidsDir(), folder.cdsDir().resolve("kafka.jsa"),
                port, controllerPort);
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isRunning() {
        ChildProcess current = process;
        return current != null && current.isAlive();
    }

    /**
     * Writes the configuration, formats the storage the first time, starts the broker and waits until it answers.
     *
     * @return how long it took
     * @throws LaunchException if it exits or is not ready within {@code timeout}, with the end of its log;
     *                         the broker is stopped by then
     */
    public Duration start(Duration timeout) {
        return start(timeout, false);
    }

    /**
     * As {@link #start(Duration)}; {@code raised} for a start again after a crash or a stop (CpuPriority), which the
     * caller puts back to normal once warm ({@link #RAISED_AFTER_READY}). A first start is not raised: the services
     * start beside it and need the cores then.
     */
    public Duration start(Duration timeout, boolean raised) {
        if (isRunning()) {
            throw new IllegalStateException("Kafka is already running (pid " + process.pid() + ")");
        }
        long started = System.nanoTime();
        Path config = writeConfig();
        formatIfNew(config);
        ChildProcess child;
        synchronized (this) {
            if (closed) {
                throw LaunchException.cancelled();
            }
            // A restart raised (CpuPriority; the launcher puts it back RAISED_AFTER_READY after it answers): every
            // event waits on it. Beside two instances of each service at full load (load average 38-48 on 2
            // cores) it took 34.0-43.7 s to answer after a restart, where with one instance of each it took 7.3 s.
            List<String> command = new ArrayList<>(raised ? CpuPriority.raisedCommandPrefix() : List.of());
            command.addAll(command(config));
            child = ChildProcess.start("kafka", command, logFile, pidsDir);
            process = child;
        }
        sessionNotRaised = raised ? CpuPriority.raiseSession(child.pid()) : Optional.empty();
        try {
            awaitReady(child, timeout);
        } catch (RuntimeException e) {
            if (!child.stopRequested()) {
                child.stop(STOP_GRACE);
            }
            throw e;
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** SIGTERM gives a controlled shutdown, which is what makes the next start quick (no log recovery). */
    public void stop() {
        ChildProcess current = process;
        if (current != null) {
            current.stop(STOP_GRACE);
        }
    }

    /** SIGKILL, as a crash (no controlled shutdown: the next start recovers its logs); {@link #start} brings it back. */
    public void kill() {
        ChildProcess current = process;
        if (current != null) {
            current.kill();
        }
    }

    public Duration restart(Duration timeout) {
        stop();
        return start(timeout);
    }

    /** Stops it for good: unlike {@link #stop()}, a start running concurrently gives up instead of spawning. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        stop();
    }

    /** Why the broker's session started at its share of the CPU rather than raised, if the kernel refused (CpuPriority). */
    Optional<String> sessionNotRaised() {
        return sessionNotRaised;
    }

    /** The running process, for whoever supervises it; null before the first start. */
    ChildProcess process() {
        return process;
    }

    Path logDir() {
        return dir.resolve("logs");
    }

    static final int BROKER_SESSION_MILLIS = 3_000;

    /** Rewritten on every start, so changed ports apply; the static voter list allows that, a dynamic quorum would not. */
    private Path writeConfig() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", slashes(logDir()));
        properties.put("num.partitions", "3");
        properties.put("auto.create.topics.enable", "true");
        properties.put("offsets.topic.replication.factor", "1");
        // One node: the default 50 partitions per internal topic only slow down the first consumer group join.
        properties.put("offsets.topic.num.partitions", "10");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "10");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        // After a kill -9 the controller (this same process) remembers the dead broker's registration and refuses the
        // new one until that session has expired: with the default 9 s session the fault suite's broker answered 19.3 s
        // after its start, 9 of them spent refusing its registration (DuplicateBrokerRegistrationException every 2 s,
        // then "Fencing broker 1 ... because its session has timed out"). Controller and broker share one process and
        // talk over loopback, so a 3 s session with a heartbeat every 500 ms is plenty.
        properties.put("broker.session.timeout.ms", Integer.toString(BROKER_SESSION_MILLIS));
        properties.put("broker.heartbeat.interval.ms", "500");
        // At rest the controller appends a no-op record to the metadata log every 500 ms by default (so followers
        // can tell a live leader); with one node there is no follower, and each append is a log write and flush:
        // its raft threads were a fifth of the broker's CPU at rest.
        properties.put("metadata.max.idle.interval.ms", "5000");
        // Domain topics keep their history (the services also create them so): insights-service rebuilds from it.
        properties.put("log.retention.ms", "-1");
        String text = properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(System.lineSeparator(),
                        "# Written by the Rapport launcher at every start: edits here are overwritten." + System.lineSeparator(),
                        System.lineSeparator()));
        Path config = dir.resolve("server.properties");
        try {
            Files.createDirectories(dir);
            Files.createDirectories(archive.getParent());
            Files.writeString(config, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    /** In-process, saving a JVM start; an existing meta.properties means the data is ours to keep. */
    private void formatIfNew(Path config) {
        if (Files.exists(logDir().resolve("meta.properties"))) {
            return;
        }
        String[] args = {"format", "--config", config.toString(), "--cluster-id", Uuid.randomUuid().toString()};
        try {
            Files.createDirectories(logFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (OutputStream log = Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
             PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            out.println("===== formatting Kafka storage: kafka-storage " + String.join(" ", args));
            int status;
            try {
                status = StorageTool.execute(args, out);
            } catch (Exception e) {
                out.println(e);
                throw LaunchException.startFailed("Kafka storage could not be formatted: " + e.getMessage());
            }
            if (status != 0) {
                throw LaunchException.startFailed("Kafka storage could not be formatted (status " + status + "); see " + logFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> command(Path config) {
        List<String> command = new ArrayList<>();
        command.add(JavaRuntime.javaExecutable());
        // A single broker with a few small topics: 384 MB is ample, and the whole embedded default must fit in 2 GiB.
        command.add("-Xmx384m");
        command.addAll(JvmFlags.forKafka(archive));
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");
        command.add("-cp");
        command.add(JavaRuntime.jarsOnlyClassPath());
        command.add("kafka.Kafka");
        command.add(config.toString());
        return command;
    }


    private void awaitReady(ChildProcess child, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        // Cheap probe first, so the admin client does not fill logs with refused connections while the JVM boots.
        while (!PortCheck.accepts(port)) {
            checkStillStarting(child, deadline, timeout);
            sleep(100);
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 100,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 250))) {
            while (true) {
                checkStillStarting(child, deadline, timeout);
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                            .nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // still starting: the checks above decide when to give up
                }
                sleep(100);
            }
        }
    }

    private void checkStillStarting(ChildProcess child, long deadline, Duration timeout) {
        if (child.stopRequested()) {
            throw LaunchException.cancelled();
        }
        if (!child.isAlive()) {
            throw LaunchException.startFailed("Kafka exited during start-up (exit code " + child.exitValue()
                    + ")." + System.lineSeparator() + "Last 30 lines of " + logFile + ":" + System.lineSeparator() + child.tail(30));
        }
        if (System.nanoTime() > deadline) {
            throw LaunchException.startFailed("Kafka was not ready within " + timeout.toSeconds()
                    + " s." + System.lineSeparator() + "Last 30 lines of " + logFile + ":" + System.lineSeparator() + child.tail(30));
        }
    }


    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LaunchException.cancelled();
        }
    }
}
