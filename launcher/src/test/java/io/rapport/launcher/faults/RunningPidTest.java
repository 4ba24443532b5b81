package io.rapport.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fault waits for its target to be running before it is done to it: after a fault not recovered in time, the
 * launcher may be between two starts of the next target, with no pid noted, and a SIGSTOP to it then ended the whole
 * suite with an exception and no report (session 22, the 2-instance run of 62cac7b).
 */
class RunningPidTest {

    @TempDir
    Path dir;

    @Test
    void aPidNotedWhileTheFaultWaitsIsTaken() throws Exception {
        Path file = dir.resolve("reminders-service.pid");
        long self = ProcessHandle.current().pid();
        CompletableFuture<Void> launcherStartsIt = CompletableFuture.runAsync(() -> {
            JourneyDriver.pause(500);
            try {
                Files.writeString(file, self + "\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        assertThat(FaultInjector.runningPid(file, 10_000)).hasValue(self);
        launcherStartsIt.join();
    }

    @Test
    void noFileOrAnEndedProcessIsNoneOnceTheLimitIsReached() throws Exception {
        assertThat(FaultInjector.runningPid(dir.resolve("absent.pid"), 300)).isEmpty();

        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path file = dir.resolve("gone.pid");
        Files.writeString(file, Long.toString(ended.pid()));
        assertThat(FaultInjector.runningPid(file, 300)).isEmpty();
    }
}
