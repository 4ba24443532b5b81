package io.rapport.launcher;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Spring Boot jar (a service or the gateway) run as its own JVM on the embedded profile,
 * from its extracted layout (see {@link ExtractedJar}) when possible.
 */
final class ServiceProcess {

    /** Where the gateway and the services read the secret of the identity tokens (rapport.identity.secret). */
    static final String IDENTITY_SECRET_ENV = "RAPPORT_IDENTITY_SECRET";
    /** HS256 needs a key of at least 256 bits; the gateway and the services refuse to start with less. */
    static final int MIN_SECRET_BYTES = 32;

    static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /**
     * A process writes its class-data archive as it exits, the first time after a build: measured 14 s for the
     * gateway alone on a loaded 2-core machine, longer with five at once. Killed at 10 s, none was ever written and
     * every start was a cold one.
     */
    static final Duration ARCHIVE_STOP_GRACE = Duration.ofSeconds(60);

    private final RapportService service;
    /** 0 for the first instance of a service (and the gateway), 1 for the second, ... */
    private final int instance;
    /** The first instance, whose extracted jar the others run; null for the first itself. */
    private final ServiceProcess first;
    private final Path jar;
    private final List<String> arguments;
    private final DataFolder folder;
    private final Map<String, String> environment;
    private volatile Path runnableJar;
    private final boolean hasTwin;
    private volatile ChildProcess process;
    private volatile long startedAt;
    private volatile boolean writesArchive;

    /**
     * @param identitySecret the secret the gateway signs identity tokens with and the services verify them with, the
     *                       same for every process of a run; given in the environment ({@value #IDENTITY_SECRET_ENV}),
     *                       never on the command line (readable by any local user, and written to the log)
     */
    ServiceProcess(RapportService service, LaunchSettings settings, DataFolder folder, String identitySecret) {
        this(service, 0, null, settings, folder, identitySecret);
    }

    private ServiceProcess(RapportService service, int instance, ServiceProcess first, LaunchSettings settings,
            DataFolder folder, String identitySecret) {
        this.service = service;
        this.instance = instance;
        this.first = first;
        this.jar = settings.repoRoot().resolve(service.jar());
        this.arguments = arguments(service, settings.ports(), instance, settings.instances());
        this.hasTwin = settings.instances() > 1 && service.ownsData();
        this.folder = folder;
        this.environment = environment(service, folder, identitySecret);
    }

    /** Another instance of this service (--instances), on its own port, running the same extracted jar. */
    ServiceProcess another(int instance, LaunchSettings settings, String identitySecret) {
        return new ServiceProcess(service, instance, this, settings, folder, identitySecret);
    }

    /**
     * The run's identity secret: {@value #IDENTITY_SECRET_ENV} when the launcher was given one (a benchmark or a
     * developer that calls a service directly signs its own tokens with it), else a new random one (32 random bytes,
     * URL-safe base64), kept in memory only: every process of a run is started and restarted by this launcher.
     */
    static String identitySecret(Map<String, String> environment) {
        String given = environment.get(IDENTITY_SECRET_ENV);
        if (given != null && !given.isBlank()) {
            if (given.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
                throw LaunchException.usage(IDENTITY_SECRET_ENV + " needs at least " + MIN_SECRET_BYTES
                        + " bytes (e.g. openssl rand -base64 32), or leave it unset for a new one each run.");
            }
            return given;
        }
        byte[] bytes = new byte[MIN_SECRET_BYTES];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The identity tokens' secret for every process; the keys sealing members' stored secrets for the services that
     * keep them. A local, single-user system: a mail or calendar server on this machine or the home network is the
     * member's own (a mail bridge on loopback speaks plain IMAP), so the services may reach private addresses and
     * local IMAP without TLS; production refuses both.
     */
    private static Map<String, String> environment(RapportService service, DataFolder folder, String identitySecret) {
        if (folder == null) {
            return Map.of(IDENTITY_SECRET_ENV, identitySecret);
        }
        return switch (service) {
            case CONTACTS -> Map.of(IDENTITY_SECRET_ENV, identitySecret,
                    SealingKey.MAILBOX.env(), SealingKey.MAILBOX.of(folder, System.getenv()),
                    "RAPPORT_MAILBOX_ALLOW_LOCAL_SERVERS", "true");
            case SCHEDULING -> Map.of(IDENTITY_SECRET_ENV, identitySecret,
                    SealingKey.CALENDAR.env(), SealingKey.CALENDAR.of(folder, System.getenv()),
                    "RAPPORT_CALENDAR_ALLOW_PRIVATE_NETWORKS", "true");
            default -> Map.of(IDENTITY_SECRET_ENV, identitySecret);
        };
    }

    /**
     * The command-line arguments that wire a service to the embedded Mongo and Kafka, the gateway to the services and
     * the sign-in provider, and the web app to the gateway and the provider.
     */
    static List<String> arguments(RapportService service, Map<PortName, Integer> ports) {
        return arguments(service, ports, 0, 1);
    }

    /**
     * As {@link #arguments(RapportService, Map)} for one of {@code instances} instances of each service. With more
     * than one, the gateway routes to {@code lb://<service>}: Spring Cloud LoadBalancer, round robin over the
     * instances listed here (its simple discovery client), each asked for its readiness every second and left out
     * while it does not answer UP.
     */
    static List<String> arguments(RapportService service, Map<PortName, Integer> ports, int instance, int instances) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + (ports.get(service.port()) + instance * LaunchSettings.INSTANCE_PORT_STEP));
        args.add("--server.address=127.0.0.1");
        String signIn = "http://127.0.0.1:" + ports.get(PortName.AUTH);
        if (service.isGateway()) {
            args.add("--spring.profiles.active=embedded");
            for (RapportService backend : RapportService.values()) {
                if (backend.ownsData()) {
                    String key = backend.module().replace("-service", "");
                    if (instances == 1) {
                        args.add("--rapport.services." + key + "-uri=http://127.0.0.1:" + ports.get(backend.port()));
                        continue;
                    }
                    args.add("--rapport.services." + key + "-uri=lb://" + backend.module());
                    for (int i = 0; i < instances; i++) {
                        args.add("--spring.cloud.discovery.client.simple.instances." + backend.module() + "[" + i
                                + "].uri=http://127.0.0.1:" + (ports.get(backend.port()) + i * LaunchSettings.INSTANCE_PORT_STEP));
                    }
                }
            }
            if (instances > 1) {
                args.add("--spring.cloud.discovery.enabled=true");
                args.add("--spring.cloud.loadbalancer.enabled=true");
                args.add("--spring.cloud.loadbalancer.configurations=health-check");
                args.add("--spring.cloud.loadbalancer.health-check.interval=1s");
                // Readiness, not the full health: with Kafka away an instance still serves (its events wait in the outbox).
                args.add("--spring.cloud.loadbalancer.health-check.path.default=/actuator/health/readiness");
            }
            args.add("--rapport.gateway.jwt.issuer-uri=" + signIn);
        } else if (service == RapportService.AUTH_SERVER) {
            args.add("--spring.profiles.active=embedded");
            args.add("--rapport.auth.issuer=" + signIn);
            args.add("--rapport.auth.web-app=http://127.0.0.1:" + ports.get(PortName.WEB));
        } else if (service == RapportService.WEB_APP) {
            args.add("--rapport.web.gateway-uri=http://127.0.0.1:" + ports.get(PortName.GATEWAY));
            args.add("--rapport.web.issuer-uri=" + signIn);
        } else {
            args.add("--spring.mongodb.uri=mongodb://127.0.0.1:" + ports.get(PortName.MONGO) + "/" + service.database());
            args.add("--spring.kafka.bootstrap-servers=127.0.0.1:" + ports.get(PortName.KAFKA));
            args.add("--spring.profiles.active=embedded");
            if (instances > 1) {
                // One relay at a time (a lease): when its holder dies, another takes over within 8 + 1 s, inside the
                // consumers' 10 s session timeout, instead of the 30 s + 5 s a single instance can afford.
                args.add("--rapport.outbox.lease=8s");
                args.add("--rapport.outbox.poll-interval=1s");
            }
        }
        return args;
    }

    /** Every jar that is not built yet, as one message; null when all are there. */
    static String missingJars(LaunchSettings settings) {
        List<String> missing = new ArrayList<>();
        for (RapportService service : RapportService.values()) {
            Path jar = settings.repoRoot().resolve(service.jar());
            if (!Files.isRegularFile(jar)) {
                missing.add(jar + " is missing: run ./rapport run (it builds) or ./mvnw package");
            }
        }
        return missing.isEmpty() ? null : String.join(System.lineSeparator(), missing);
    }

    RapportService service() {
        return service;
    }

    /** "contacts-service" for the first instance, "contacts-service-2" for the second: its log and pid file. */
    String name() {
        return instance == 0 ? service.module() : service.module() + "-" + (instance + 1);
    }

    URI uri(Map<PortName, Integer> ports) {
        return URI.create("http://127.0.0.1:" + (ports.get(service.port()) + instance * LaunchSettings.INSTANCE_PORT_STEP));
    }

    ChildProcess process() {
        return process;
    }

    boolean isRunning() {
        ChildProcess current = process;
        return current != null && current.isAlive();
    }

    /** Extracts the jar when it changed since last time; slow only after a build, so worth doing while Kafka starts. */
    void prepare() {
        if (first != null) {
            return; // runs the first instance's
        }
        runnableJar = ExtractedJar.prepare(jar, folder.cdsDir().resolve(name()), folder.logFile(name()));
    }

    ChildProcess start() {
        return start(List.of());
    }

    /**
     * After a crash. The only instance of its service starts with its threads at a raised CPU priority (the caller
     * raises its session too and puts both back once it is ready, {@link CpuPriority}): the members wait on it. One of
     * a pair starts at normal priority, because its twin serves meanwhile and must keep its share: with two restarts
     * raised at once the surviving instances missed their health checks ("No servers available", SeveralInstancesIT).
     */
    ChildProcess startAgain() {
        return start(raisedWhenRestarted() ? CpuPriority.raisedCommandPrefix() : List.of());
    }

    /** True when a restart of this one is what its service's callers wait for: no twin serves meanwhile. */
    boolean raisedWhenRestarted() {
        return !hasTwin;
    }

    /**
     * How long a raised restart keeps its raise once its health is UP. The gateway: {@link #GATEWAY_WARM_UP}, because
     * ready is not warm and every member's retry, each with a new dev token, reaches it at once. A service is put back
     * at once: the gateway's circuit breaker eases it in with a few trial calls, and the fault suite's probe found each
     * restarted service answering within 0.2 s of its "ready again".
     */
    Duration raisedAfterReady() {
        return service == RapportService.GATEWAY ? GATEWAY_WARM_UP : Duration.ZERO;
    }

    /**
     * Put back to normal at UP, a restarted gateway answered the members' calls from 0.6 s after it, but the fault
     * suite's recovery probe waited its full 15 s for an answer among the 50 members' retries (recovered 26.0-31.2 s
     * after the kill in three runs); kept raised 20 s longer, its first try answered (12.9 s and 14.1 s in two runs).
     */
    static final Duration GATEWAY_WARM_UP = Duration.ofSeconds(20);

    private ChildProcess start(List<String> prefix) {
        if (first != null) {
            if (first.runnableJar == null) {
                first.prepare();
            }
            runnableJar = first.runnableJar;
        } else if (runnableJar == null) {
            prepare();
        }
        writesArchive = lacksArchive();
        List<String> command = javaCommand(prefix, JvmFlags.forService(archive()));
        startedAt = System.nanoTime();
        process = ChildProcess.start(name(), command, environment, folder.logFile(name()), folder.pidsDir());
        return process;
    }

    /** {@code prefix java <jvmOptions> -jar <its extracted jar> <its arguments>}. */
    private List<String> javaCommand(List<String> prefix, List<String> jvmOptions) {
        List<String> command = new ArrayList<>(prefix);
        command.add(JavaRuntime.javaExecutable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(runnableJar.toAbsolutePath().toString());
        command.addAll(arguments);
        return command;
    }

    /** The class-data archive it starts from, and writes when it first exits cleanly after a build. */
    Path archive() {
        return folder.cdsDir().toAbsolutePath().resolve(name() + ".jsa");
    }

    /** True when it has started and there is no archive for the jar it runs (missing, or older than the jar). */
    boolean lacksArchive() {
        Path running = runnableJar;
        return running != null && isMissingOrOlderThan(archive(), running);
    }

    /** The first instance of its service; the first itself returns itself. */
    ServiceProcess firstInstance() {
        return first != null ? first : this;
    }

    /**
     * A training run ({@link ArchiveTraining}): this service with its own flags, arguments and environment, up to the
     * end of its context's refresh, where Spring exits it ({@code spring.context.exit=onRefresh}: every singleton
     * created, nothing started, so no port is bound and no consumer joins a group), writing the classes it loaded to
     * {@code output}.
     */
    ChildProcess startTraining(Path output, List<String> prefix) {
        List<String> options = new ArrayList<>(JvmFlags.forTraining(output));
        options.add("-Dspring.context.exit=onRefresh");
        List<String> command = javaCommand(prefix, options);
        String training = name() + "-training";
        return ChildProcess.start(training, command, environment, folder.logFile(training), folder.pidsDir());
    }

    /** True when this run will write its class-data archive on exit (so stopping it deserves more patience). */
    boolean writesArchive() {
        return writesArchive;
    }

    /** How long to wait for these to stop before killing them. */
    static Duration stopGrace(java.util.Collection<ServiceProcess> services) {
        return services.stream().anyMatch(ServiceProcess::writesArchive) ? ARCHIVE_STOP_GRACE : STOP_GRACE;
    }

    private static boolean isMissingOrOlderThan(Path archive, Path jar) {
        try {
            return !Files.isRegularFile(archive)
                    || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    /** How long since it was started: each gets its own allowance, whatever the others do. */
    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    void stop() {
        ChildProcess current = process;
        if (current != null) {
            current.stop(writesArchive ? ARCHIVE_STOP_GRACE : STOP_GRACE);
        }
    }
}
