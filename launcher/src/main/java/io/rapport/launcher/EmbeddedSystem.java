package io.rapport.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The whole system on one machine: the MongoDB wire server and a Kafka broker, then the services and the
 * gateway in parallel, each in its own JVM. The handle owns them all: closing it (or the JVM shutting down) stops
 * the processes in reverse order, so nothing outlives the launcher; should the launcher be killed outright, its
 * {@link OrphanGuard} stops them. Once up, a child that dies is started again ({@link Supervisor}).
 */
public final class EmbeddedSystem implements AutoCloseable {

    private static final int LOG_LINES = 30;
    private static final long POLL_MILLIS = 250;

    private final LaunchSettings settings;
    private final DataFolder folder;
    private final Consumer<String> progress;
    private final long launchedAt = System.nanoTime();
    private final Thread shutdownHook;
    private volatile ArchiveTraining archiveTraining;
    /**
     * The gateway signs identity tokens with it, the services verify them: one per run (or the one given in
     * RAPPORT_IDENTITY_SECRET), in memory only, since every process of the run is started (and restarted) by this
     * launcher; nothing secret is kept in the data folder.
     */
    private final String identitySecret;
    private final Map<RapportService, ServiceProcess> services = new EnumMap<>(RapportService.class);
    /** The second and further instances of each service (--instances); empty by default. */
    private final List<ServiceProcess> moreInstances = new ArrayList<>();
    private volatile MongoWireServer mongo;
    private volatile KafkaBroker kafka;
    private final Supervisor supervisor;
    private final AtomicBoolean saidHowRestartsArePrioritized = new AtomicBoolean();
    private volatile OrphanGuard orphanGuard;
    private volatile boolean up;
    private volatile boolean closed; // set under this, read anywhere
    private Duration startupTime;

    private EmbeddedSystem(LaunchSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.folder = new DataFolder(settings.dataDir());
        this.identitySecret = ServiceProcess.identitySecret(System.getenv());
        this.progress = progress;
        this.shutdownHook = new Thread(this::close, "rapport-shutdown");
        this.supervisor = new Supervisor(progress, this::isClosed);
    }

    /** Starts everything quietly; see {@link #start(LaunchSettings, Consumer)}. */
    public static EmbeddedSystem start(LaunchSettings settings) {
        return start(settings, line -> { });
    }

    /**
     * Starts everything and returns once every component is ready.
     *
     * @param progress receives one line per component as it becomes ready, and later any unexpected exit
     * @throws LaunchException exit code 2 for a busy port; 1 for a missing jar, or a component that exited or
     *                         was not ready in time (with the end of its log); everything started is stopped by then
     */
    public static EmbeddedSystem start(LaunchSettings settings, Consumer<String> progress) {
        EmbeddedSystem system = new EmbeddedSystem(settings, progress);
        try {
            system.startAll();
            return system;
        } catch (RuntimeException | Error e) {
            boolean stoppedByHook = system.isClosed();
            system.close();
            if (stoppedByHook && !(e instanceof LaunchException launch && !launch.isCancellation())) {
                throw LaunchException.cancelled();
            }
            throw e;
        }
    }

    public LaunchSettings settings() {
        return settings;
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    public Path logsDir() {
        return folder.logsDir();
    }

    public int port(PortName name) {
        return settings.port(name);
    }

    public URI gatewayUri() {
        return serviceUri(RapportService.GATEWAY.module());
    }

    /** @param name "contacts-service" (or "contacts"), ..., "gateway" */
    public URI serviceUri(String name) {
        return URI.create("http://127.0.0.1:" + settings.port(RapportService.named(name).port()));
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + settings.port(PortName.KAFKA);
    }

    public String mongoUri() {
        return "mongodb://127.0.0.1:" + settings.port(PortName.MONGO);
    }

    /** From the call to start until the last component was ready. */
    public Duration startupTime() {
        return startupTime;
    }

    public boolean isKafkaRunning() {
        return kafka != null && kafka.isRunning();
    }

    public boolean isServiceRunning(String name) {
        ServiceProcess service = service(name);
        return service != null && service.isRunning();
    }

    /** Stops the broker (cleanly, as on Ctrl-C), keeping its port and data for {@link #startKafka()}. */
    public void stopKafka() {
        requireStarted();
        kafka.stop();
    }

    /** Starts the broker again on the same port and data; returns once it answers. */
    public void startKafka() {
        requireStarted();
        kafka.start(settings.readyTimeout(), true);
        brokerStarted();
        watchKafka();
    }

    /** A restarted broker starts raised and is put back to normal once warm (KafkaBroker.RAISED_AFTER_READY). */
    private void brokerStarted() {
        kafka.sessionNotRaised().ifPresent(why -> progress.accept("kafka restarts at its session's share of the CPU,"
                + " not raised: " + why));
        restoreNormalAfter("kafka", kafka.process(), KafkaBroker.RAISED_AFTER_READY);
    }

    /**
     * Kills the broker with SIGKILL, as a crash would, and keeps it down (the supervisor does not restart it) until
     * {@link #startKafka()}: the fault suite holds the broker down for a set time.
     */
    public void killKafka() {
        requireStarted();
        kafka.kill();
    }

    public void restartKafka() {
        stopKafka();
        startKafka();
    }

    /** Stops one service or the gateway, as a crash would look to the others (but without the crash report or restart). */
    public void stopService(String name) {
        requireStarted();
        ServiceProcess service = service(name);
        if (service != null) {
            service.stop();
        }
    }

    /** Services and gateway first (they flush to Kafka and Mongo on the way down), then Kafka, then Mongo. */
    @Override
    public void close() {
        List<ChildProcess> children = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (ServiceProcess service : allServices()) {
                if (service.process() != null) {
                    children.add(service.process());
                }
            }
        }
        try {
            if (archiveTraining != null) {
                archiveTraining.close();
            }
            ChildProcess.stopAll(children, ServiceProcess.stopGrace(allServices()));
        } finally {
            try {
                if (kafka != null) {
                    kafka.close();
                }
            } finally {
                if (mongo != null) {
                    mongo.close();
                }
                if (orphanGuard != null) {
                    orphanGuard.close();
                }
                removeShutdownHook();
            }
        }
    }

    private boolean isClosed() {
        return closed;
    }

    private void startAll() {
        String missing = ServiceProcess.missingJars(settings);
        if (missing != null) {
            throw LaunchException.startFailed(missing);
        }
        requirePortsFree();
        if (settings.reset()) {
            progress.accept("Deleting the data in " + settings.dataDir() + " (--reset; keeping its start-up caches in "
                    + folder.cdsDir() + ")");
            folder.reset();
        }
        folder.create();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        orphanGuard = OrphanGuard.start(folder.pidsDir(), folder.logFile("orphan-guard"));
        CompletableFuture<Void> jarsPrepared = prepareServices();

        synchronized (this) {
            requireOpen();
        }
        MongoWireServer store = MongoWireServer.start(folder, settings.port(PortName.MONGO), settings.readyTimeout());
        synchronized (this) {
            mongo = store;
            requireOpen();
        }
        ready("mongo", mongo.connectionString());
        store.sessionNotRaised().ifPresent(why -> progress.accept("  mongo runs at its session's share of the CPU, not"
                + " raised: " + why));

        KafkaBroker broker = new KafkaBroker(folder, settings.port(PortName.KAFKA), settings.port(PortName.KAFKA_CONTROLLER));
        synchronized (this) {
            requireOpen();
            kafka = broker;
        }
        broker.start(settings.readyTimeout());
        ready("kafka", broker.bootstrap());

        awaitPrepared(jarsPrepared);
        // The services and the gateway first, as before the web app existed; the sign-in provider and the web app
        // once those are up, so two more JVMs starting do not slow the services' start on a small machine.
        startServices(kind -> !kind.isWebTier());
        startServices(RapportService::isWebTier);
        startupTime = elapsed();
        up = true;
        watchMongo();
        watchKafka();
        allServices().forEach(this::watchService);
        synchronized (this) {
            requireOpen();
            archiveTraining = ArchiveTraining.start(allServices(), progress);
        }
    }

    /**
     * Completes once every service has its start-up cache (class-data archive), which a restart after a crash starts
     * from: at once when all had one, else after the training runs that began when the system came up
     * ({@link ArchiveTraining}); they take what CPU the system leaves.
     */
    public CompletableFuture<Void> startupCachesWritten() {
        requireStarted();
        return archiveTraining.done();
    }

    /**
     * In the background, overlapping with Mongo and Kafka starting; one thread each, since each mostly waits
     * for an extraction process (the common pool would run them one by one on a 2-core machine).
     */
    private CompletableFuture<Void> prepareServices() {
        List<CompletableFuture<Void>> preparing = new ArrayList<>();
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        for (RapportService kind : RapportService.values()) {
            ServiceProcess service = new ServiceProcess(kind, settings, folder, identitySecret);
            synchronized (this) {
                services.put(kind, service);
                for (int instance = 1; instance < settings.instances() && kind.ownsData(); instance++) {
                    moreInstances.add(service.another(instance, settings, identitySecret));
                }
            }
            preparing.add(CompletableFuture.runAsync(service::prepare, executor));
        }
        executor.shutdown(); // lets the tasks finish; close() would wait for them here
        return CompletableFuture.allOf(preparing.toArray(CompletableFuture[]::new));
    }

    private static void awaitPrepared(CompletableFuture<Void> preparing) {
        try {
            preparing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void startServices(java.util.function.Predicate<RapportService> which) {
        Map<ServiceProcess, URI> pending = new LinkedHashMap<>();
        for (ServiceProcess service : allServices()) {
            if (!which.test(service.service())) {
                continue;
            }
            synchronized (this) {
                requireOpen();
                service.start();
            }
            pending.put(service, service.uri(settings.ports()));
        }
        while (!pending.isEmpty()) {
            Map<ServiceProcess, CompletableFuture<Boolean>> probes = new LinkedHashMap<>();
            pending.forEach((service, uri) -> probes.put(service, HealthProbe.isUp(uri)));
            for (var probe : probes.entrySet()) {
                ServiceProcess service = probe.getKey();
                if (probe.getValue().join()) {
                    ready(service.name(), pending.remove(service).toString());
                } else {
                    checkStillStarting(service);
                }
            }
            sleep();
        }
    }

    private void checkStillStarting(ServiceProcess service) {
        ChildProcess process = service.process();
        if (process.stopRequested()) {
            throw LaunchException.cancelled();
        }
        if (!process.isAlive()) {
            throw LaunchException.startFailed(service.name() + " exited during start-up (exit code "
                    + process.exitValue() + ")." + lastLines(process));
        }
        if (service.sinceStart().compareTo(settings.readyTimeout()) > 0) {
            throw LaunchException.startFailed(service.name() + " was not ready within "
                    + settings.readyTimeout().toSeconds() + " s (" + HealthProbe.healthUri(service.uri(settings.ports()))
                    + " never answered UP)." + lastLines(process));
        }
    }

    private void requirePortsFree() {
        try {
            PortCheck.requireFree(settings.ports());
            settings.extraInstancePorts().forEach((instance, port) -> {
                if (!PortCheck.isFree(port)) {
                    throw LaunchException.usage("Port " + port + " (" + instance + ") is in use.");
                }
            });
        } catch (LaunchException busy) {
            List<String> leftovers = ChildProcess.leftovers(folder.pidsDir());
            if (leftovers.isEmpty()) {
                throw busy;
            }
            throw LaunchException.usage(busy.getMessage() + System.lineSeparator()
                    + "A previous Rapport run seems to have left these running: " + String.join(", ", leftovers)
                    + ". Stop them (kill <pid>) and try again.");
        }
    }

    /*
     * After start-up only: until then a dying child is reported as the start-up failure. Each restarts on the same
     * port and data, and counts as back once ready as at start: the store listening, Kafka answering, a service's
     * health UP.
     */

    private void watchMongo() {
        supervisor.watch(mongo.process(), new Supervisor.Restart() {
            @Override
            public ChildProcess current() {
                return mongo.process();
            }

            /** Under the lock, so a close() meanwhile waits and then stops the new one rather than missing it. */
            @Override
            public ChildProcess startAgain() {
                synchronized (EmbeddedSystem.this) {
                    requireOpen();
                    mongo = MongoWireServer.start(folder, settings.port(PortName.MONGO), settings.readyTimeout());
                    mongo.sessionNotRaised().ifPresent(why -> progress.accept("mongo runs at its session's share of the"
                            + " CPU, not raised: " + why));
                    return mongo.process();
                }
            }
        });
    }

    private void watchKafka() {
        supervisor.watch(kafka.process(), new Supervisor.Restart() {
            @Override
            public ChildProcess current() {
                return kafka.process();
            }

            /** The broker refuses to start once closed, and close() stops whichever process it has. */
            @Override
            public ChildProcess startAgain() {
                kafka.start(settings.readyTimeout(), true);
                brokerStarted();
                return kafka.process();
            }
        });
    }

    private void watchService(ServiceProcess service) {
        supervisor.watch(service.process(), new Supervisor.Restart() {
            @Override
            public ChildProcess current() {
                return service.process();
            }

            @Override
            public ChildProcess startAgain() {
                ChildProcess child;
                if (!saidHowRestartsArePrioritized.getAndSet(true)) {
                    CpuPriority.unavailableReason().ifPresent(progress);
                }
                synchronized (EmbeddedSystem.this) {
                    requireOpen();
                    child = service.startAgain();
                }
                if (service.raisedWhenRestarted()) {
                    // outside the lock: it waits, briefly, for the child's setsid
                    CpuPriority.raiseSession(child.pid()).ifPresent(why -> progress.accept(service.name()
                            + " restarts at its session's share of the CPU, not raised: " + why));
                }
                URI uri = service.uri(settings.ports());
                try {
                    while (!HealthProbe.isUp(uri).join()) {
                        checkStillStarting(service);
                        sleep();
                    }
                } catch (RuntimeException notReady) {
                    if (child.isAlive() && !child.stopRequested()) {
                        child.stop(ServiceProcess.STOP_GRACE);
                    }
                    throw notReady;
                }
                if (service.raisedWhenRestarted()) {
                    restoreNormalAfter(service.name(), child, service.raisedAfterReady());
                }
                return child;
            }
        });
    }

    /** Puts a raised restart back to the launcher's priority, at once or once warm, unless it died meanwhile. */
    private void restoreNormalAfter(String name, ChildProcess child, Duration warmUp) {
        if (warmUp.isZero()) {
            restoreNormal(name, child);
            return;
        }
        Thread.ofVirtual().name("restore-priority-" + child.pid()).start(() -> {
            try {
                Thread.sleep(warmUp);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (child.isAlive()) {
                restoreNormal(name, child);
            }
        });
    }

    private void restoreNormal(String name, ChildProcess child) {
        CpuPriority.restoreNormal(child.pid()).ifPresent(why -> progress.accept(name
                + "'s threads are back at normal CPU priority, its session stays raised: " + why));
    }

    private String lastLines(ChildProcess process) {
        return System.lineSeparator() + "Last " + LOG_LINES + " lines of " + process.logFile() + ":"
                + System.lineSeparator() + process.tail(LOG_LINES);
    }

    private void ready(String name, String where) {
        progress.accept(String.format(Locale.ROOT, "  %-19s ready %6s   %s", name, seconds(elapsed()), where));
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - launchedAt);
    }

    /** Every instance of every service, and the gateway: the first instances in start order, then the others. */
    private synchronized List<ServiceProcess> allServices() {
        List<ServiceProcess> all = new ArrayList<>(services.values());
        all.addAll(moreInstances);
        return all;
    }

    private ServiceProcess service(String name) {
        RapportService kind = RapportService.named(name);
        synchronized (this) {
            return services.get(kind);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw LaunchException.cancelled();
        }
    }

    private void requireStarted() {
        if (!up || isClosed()) {
            throw new IllegalStateException("The system is not running");
        }
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrNeverAdded) {
            // either way there is nothing left to undo
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LaunchException.cancelled();
        }
    }
}
