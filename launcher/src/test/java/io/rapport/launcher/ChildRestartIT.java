package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The embedded default keeps itself up: a service or the store killed with SIGKILL under the running system is
 * reported, started again on the same port and data, and serves through the gateway again; a service stopped on
 * purpose stays down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES) // whole-system starts and restarts on a loaded 2-core machine
class ChildRestartIT {

    /** The whole system starts in 40-80 s on a loaded 2-core machine; a restarted service takes about as long alone. */
    private static final Duration BACK_AGAIN = Duration.ofSeconds(150);

    /**
     * The training runs take what CPU the system leaves, one service at a time (about 14 s of CPU each, 1-2 minutes
     * for all on an idle 2-core machine); contacts-service is among the first.
     */
    private static final Duration CACHE_WRITTEN = Duration.ofSeconds(180);

    private static final List<String> output = new CopyOnWriteArrayList<>();
    private static EmbeddedSystem system;
    private static GatewayClient gateway;

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    static void startTheWholeSystem() throws IOException {
        Path dataDir = Files.createDirectories(Path.of("target", "e2e-data").toAbsolutePath());
        // As after a build, also on a rerun (--reset keeps the start-up caches): no cache yet for the service killed.
        Files.deleteIfExists(dataDir.resolve("cds").resolve("contacts-service.jsa"));
        LaunchSettings settings = LaunchSettings.defaults()
                .withRepoRoot(Path.of("..").toAbsolutePath().normalize())
                .withDataDir(dataDir)
                .withReset(true);
        List<Integer> ports = FreePorts.take(PortName.values().length);
        for (PortName name : PortName.values()) {
            settings = settings.withPort(name, ports.get(name.ordinal()));
        }
        system = EmbeddedSystem.start(settings, line -> {
            System.out.println(line);
            output.add(line);
        });
        gateway = new GatewayClient(system.gatewayUri(), "restart-university-" + UUID.randomUUID());
    }

    @AfterAll
    @Timeout(value = 3, unit = TimeUnit.MINUTES) // the first stop after a build writes the class-data archives
    static void stopEverythingItStarted() {
        if (system != null) {
            List<ProcessHandle> children = ProcessHandle.current().children().toList();
            system.close();
            assertThat(children).as("no process outlives the launcher, restarted ones included").noneMatch(ProcessHandle::isAlive);
        }
    }

    @Test
    @Order(1)
    void aServiceKilledWithSigkillIsStartedAgainAndServesThroughTheGateway() throws Exception {
        long killed = notedPid("contacts-service");
        // Its start-up cache is written while it runs (a training run, ArchiveTraining), not only when it stops cleanly:
        // the kill below would leave none, and the restart would start cold.
        Path cache = system.dataDir().resolve("cds").resolve("contacts-service.jsa");
        await().atMost(CACHE_WRITTEN).pollInterval(Duration.ofSeconds(1)).until(() -> Files.isRegularFile(cache));
        assertThat(ProcessHandle.of(killed)).as("written before the service ever stopped")
                .hasValueSatisfying(handle -> assertThat(handle.isAlive()).isTrue());

        kill9(killed);

        await().atMost(BACK_AGAIN).pollInterval(Duration.ofMillis(500))
                .until(() -> output.stream().anyMatch(line -> line.startsWith("contacts-service ready again in ")));
        assertThat(output).anyMatch(line -> line.startsWith(
                "contacts-service stopped unexpectedly (exit 137); restarting in 1 s." + System.lineSeparator()
                        + "Last 30 lines of "));
        long restarted = notedPid("contacts-service");
        assertThat(restarted).isNotEqualTo(killed);
        assertThat(ProcessHandle.of(restarted)).hasValueSatisfying(handle -> assertThat(handle.isAlive()).isTrue());
        assertThat(HealthProbe.isUp(system.serviceUri("contacts")).join()).as("/actuator/health UP").isTrue();
        Path maps = Path.of("/proc", Long.toString(restarted), "maps");
        if (Files.isReadable(maps) && Files.readString(Path.of("/proc/self/maps")).contains(".jsa")) {
            assertThat(Files.readString(maps)).as("the restarted JVM started from its start-up cache")
                    .contains(cache.toString());
        } else {
            System.out.println("ChildRestartIT: not checking the restart used its start-up cache: this JVM maps no"
                    + " class-data archive, or there is no /proc to read it from");
        }
        if (CpuPriority.unavailableReason().isEmpty() && Files.isDirectory(Path.of("/proc/self/task"))) {
            // Started at a raised CPU priority (its log's last start line holds the command), and back to normal now.
            List<String> log = Files.readAllLines(system.dataDir().resolve("logs").resolve("contacts-service.log"));
            String lastStart = log.stream().filter(line -> line.startsWith("===== contacts-service starting at "))
                    .reduce((first, second) -> second).orElseThrow();
            assertThat(lastStart).contains(": nice -n -" + CpuPriority.RAISE + " ");
            int launcher = CpuPriority.threadNiceValues(ProcessHandle.current().pid()).get(0);
            assertThat(CpuPriority.threadNiceValues(restarted)).as("back to the launcher's priority once ready")
                    .isNotEmpty().allMatch(nice -> nice == launcher);
            assertThat(CpuPriority.sessionNiceValue(restarted)).as("its session, back to a new session's priority")
                    .isEqualTo(sessionOnceNormal());
        } else {
            System.out.println("ChildRestartIT: not checking the restart's priority: "
                    + CpuPriority.unavailableReason().orElse("no /proc to read it from"));
        }

        GatewayClient.Response created = gateway.post("/api/contacts", "alice",
                "{\"name\": \"Written After The Restart\", \"employer\": \"Acme\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        GatewayClient.Response read = gateway.get("/api/contacts/" + created.text("id"), "alice");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.text("name")).isEqualTo("Written After The Restart");
    }

    @Test
    @Order(2)
    void theStoreKilledWithSigkillComesBackOnItsPortWithItsData() throws Exception {
        GatewayClient.Response created = gateway.post("/api/contacts", "alice",
                "{\"name\": \"Written Before The Store Died\", \"employer\": \"Acme\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        // The store commits its file at most a second after a write (MVStore's auto-commit); a SIGKILL within that
        // second loses the write, which no restart can bring back.
        Thread.sleep(3000);

        kill9(notedPid("mongo"));

        await().atMost(BACK_AGAIN).pollInterval(Duration.ofMillis(500))
                .until(() -> output.stream().anyMatch(line -> line.startsWith("mongo ready again in ")));
        assertThat(output).anyMatch(line -> line.startsWith("mongo stopped unexpectedly (exit 137); restarting in 1 s."));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            GatewayClient.Response read = gateway.get("/api/contacts/" + id, "alice");
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.text("name")).isEqualTo("Written Before The Store Died");
        });
    }

    @Test
    @Order(3)
    void theGatewayKilledWithSigkillKeepsItsRaisedPriorityForAWhileOnceReady() throws Exception {
        long killed = notedPid("gateway");

        kill9(killed);

        await().atMost(BACK_AGAIN).pollInterval(Duration.ofMillis(500))
                .until(() -> output.stream().anyMatch(line -> line.startsWith("gateway ready again in ")));
        long restarted = notedPid("gateway");
        assertThat(restarted).isNotEqualTo(killed);
        if (CpuPriority.unavailableReason().isEmpty() && Files.isDirectory(Path.of("/proc/self/task"))) {
            int launcher = CpuPriority.threadNiceValues(ProcessHandle.current().pid()).get(0);
            assertThat(CpuPriority.threadNiceValues(restarted)).as("still raised once ready: not warm yet")
                    .isNotEmpty().allMatch(nice -> nice == launcher - CpuPriority.RAISE);
            Optional<Integer> sessionBack = sessionOnceNormal();
            await().atMost(ServiceProcess.GATEWAY_WARM_UP.plusSeconds(15)).untilAsserted(() -> {
                assertThat(CpuPriority.threadNiceValues(restarted)).as("back to the launcher's priority once warm")
                        .isNotEmpty().allMatch(nice -> nice == launcher);
                assertThat(CpuPriority.sessionNiceValue(restarted)).as("its session, back to a new session's priority")
                        .isEqualTo(sessionBack);
            });
        } else {
            System.out.println("ChildRestartIT: not checking the gateway restart's priority: "
                    + CpuPriority.unavailableReason().orElse("no /proc to read it from"));
        }
        assertThat(HealthProbe.isUp(system.gatewayUri()).join()).as("the gateway's /actuator/health UP").isTrue();
    }

    @Test
    @Order(4)
    void aServiceStoppedOnPurposeStaysDown() throws Exception {
        system.stopService("notes");

        // longer than the first restart delay (1 s), so a restart would have begun
        Thread.sleep(RestartBackOff.FIRST_DELAY.multipliedBy(4).toMillis());
        assertThat(system.isServiceRunning("notes-service")).isFalse();
        assertThat(output).noneMatch(line -> line.startsWith("notes-service"));
        assertThat(Files.exists(system.dataDir().resolve("pids").resolve("notes-service.pid"))).isFalse();
    }

    /** As an operator would find it: the pid the launcher noted in the data folder. */
    private static long notedPid(String name) throws IOException {
        return Long.parseLong(Files.readString(system.dataDir().resolve("pids").resolve(name + ".pid")).trim());
    }

    private static void kill9(long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -9 " + pid).isZero();
    }

    /** A restarted child's session once put back: a new session's value where it has its own, else the launcher's. */
    private static Optional<Integer> sessionOnceNormal() throws java.io.IOException {
        return JavaRuntime.setsid().isPresent() ? CpuPriorityTest.childSessionBaseline()
                : CpuPriority.sessionNiceValue(ProcessHandle.current().pid());
    }
}
