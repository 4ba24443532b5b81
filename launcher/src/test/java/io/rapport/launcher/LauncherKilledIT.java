package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code kill -9} of the launcher itself (no shutdown hook runs) leaves none of its children behind: its
 * {@link OrphanGuard} stops them, and the pid files stay so a later run could still name a survivor.
 */
class LauncherKilledIT {

    private static final List<String> CHILDREN = List.of(
            "mongo", "kafka", "contacts-service", "scheduling-service", "notes-service", "reminders-service",
            "insights-service", "gateway", "auth-server", "web-app");

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES) // a whole-system start: 40-80 s on a loaded 2-core machine, more when cold
    void aLauncherKilledWithSigkillLeavesNoChildRunning() throws Exception {
        // Shared with the other whole-system tests, which run one after the other: --reset keeps the start-up caches.
        Path dataDir = Files.createDirectories(Path.of("target", "e2e-data").toAbsolutePath());
        Path console = Path.of("target", "launcher-killed-console.txt").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(JavaRuntime.javaExecutable(), "-cp", JavaRuntime.classPath(),
                EmbeddedDefault.class.getName(), "--reset", "--data-dir=" + dataDir));
        List<Integer> ports = FreePorts.take(PortName.values().length);
        for (PortName name : PortName.values()) {
            command.add(name.flag() + "=" + ports.get(name.ordinal()));
        }
        Process launcher = new ProcessBuilder(command)
                .directory(Path.of("..").toAbsolutePath().normalize().toFile())
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
        List<ProcessHandle> descendants = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Files.readString(console).contains("Rapport is up") || !launcher.isAlive());
            assertThat(launcher.isAlive()).as(Files.readString(console)).isTrue();
            Map<String, Long> noted = notedPids(dataDir.resolve("pids"));
            assertThat(noted).as("pid files").containsOnlyKeys(CHILDREN);
            assertThat(ChildProcess.leftovers(dataDir.resolve("pids"))).hasSize(CHILDREN.size());
            descendants.addAll(launcher.toHandle().descendants().toList());
            assertThat(descendants).extracting(ProcessHandle::pid).containsAll(noted.values());

            launcher.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close()
            assertThat(launcher.waitFor()).isEqualTo(137);

            await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(descendants).as("the launcher's children and their guard")
                            .noneMatch(ProcessHandle::isAlive));
            assertThat(notedPids(dataDir.resolve("pids"))).as("pid files kept for the leftovers message").isEqualTo(noted);
            assertThat(ChildProcess.leftovers(dataDir.resolve("pids"))).as("nothing left for a later run to name").isEmpty();
        } finally {
            launcher.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static Map<String, Long> notedPids(Path pidsDir) throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        try (var files = Files.list(pidsDir)) {
            for (Path file : files.sorted().toList()) {
                pids.put(file.getFileName().toString().replaceFirst("\\.pid$", ""), Long.parseLong(Files.readString(file).trim()));
            }
        }
        return pids;
    }
}
