package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanGuardTest {

    @TempDir(factory = UnderTargetTempDirs.class)
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killWhatTheTestStarted() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void whenTheLaunchersEndOfThePipeClosesTheJavaChildrenNamedInThePidsFolderAreStopped() throws Exception {
        assumeThat(new File("/bin/sh").canExecute()).as("a POSIX shell").isTrue();
        Path pids = Files.createDirectories(dir.resolve("pids"));
        Process child = note(pids, "contacts-service", javaThatSleeps());
        Process notJava = note(pids, "reused-pid", start("sleep", "300"));
        OrphanGuard guard = OrphanGuard.start(pids, dir.resolve("orphan-guard.log"));

        guard.pipeClosed();

        await().atMost(Duration.ofSeconds(15)).until(() -> !child.isAlive() && !guard.isAlive());
        assertThat(notJava.isAlive()).as("a pid now used by something else than Java is left alone").isTrue();
        assertThat(Files.readString(dir.resolve("orphan-guard.log")))
                .contains("the launcher is gone: stopping its children")
                .contains("SIGTERM contacts-service.pid (" + child.pid() + ")");
    }

    @Test
    void closedByTheLauncherItStopsNothing() throws Exception {
        assumeThat(new File("/bin/sh").canExecute()).as("a POSIX shell").isTrue();
        Path pids = Files.createDirectories(dir.resolve("pids"));
        Process child = note(pids, "contacts-service", javaThatSleeps());
        OrphanGuard guard = OrphanGuard.start(pids, dir.resolve("orphan-guard.log"));
        assertThat(guard.isAlive()).isTrue();

        guard.close();

        assertThat(guard.isAlive()).isFalse();
        Thread.sleep(1000);
        assertThat(child.isAlive()).isTrue();
    }

    private Process javaThatSleeps() throws Exception {
        return start(JavaRuntime.javaExecutable(), "-Xshare:auto", "-cp", JavaRuntime.classPath(), Sleeper.class.getName());
    }

    private Process start(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(process);
        return process;
    }

    private static Process note(Path pids, String name, Process process) throws Exception {
        Files.writeString(pids.resolve(name + ".pid"), Long.toString(process.pid()));
        return process;
    }

    /** Stands in for a service: a JVM that runs until it is stopped. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(Duration.ofMinutes(5));
        }
    }
}
