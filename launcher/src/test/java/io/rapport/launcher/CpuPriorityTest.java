package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A restarted service's JVM runs every thread, and its session where the kernel shares the CPU between sessions first,
 * at a raised priority while it starts, and at the launcher's after.
 */
class CpuPriorityTest {

    @Test
    void aJvmStartedRaisedInItsOwnSessionRunsAboveTheLauncherUntilPutBack() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "skipped: reading a thread's priority needs /proc (Linux)");
        CpuPriority.unavailableReason().ifPresent(reason -> System.out.println("CpuPriorityTest skipped: " + reason));
        assumeTrue(CpuPriority.unavailableReason().isEmpty(), "skipped: this user may not raise a priority");
        long self = ProcessHandle.current().pid();
        int launcher = CpuPriority.threadNiceValues(self).get(0);
        Optional<Integer> launcherSession = CpuPriority.sessionNiceValue(self);
        Optional<Integer> childSessionBaseline = childSessionBaseline();

        // As ChildProcess starts a child: in a session of its own.
        List<String> command = new ArrayList<>();
        JavaRuntime.setsid().ifPresent(command::add);
        command.addAll(CpuPriority.raisedCommandPrefix());
        command.addAll(List.of(JavaRuntime.javaExecutable(), "-XX:+UseSerialGC", "-Xmx32m",
                "-cp", System.getProperty("java.class.path"), Sleeper.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Optional<String> sessionNotRaised = CpuPriority.raiseSession(child.pid());
            // A JVM's own threads (compilers, collector, finalizer…) and the sleeper's: all started from the raised main.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> CpuPriority.threadNiceValues(child.pid()).size() >= 8);
            assertThat(CpuPriority.threadNiceValues(child.pid())).as("every thread while it starts")
                    .isNotEmpty().allMatch(nice -> nice == launcher - CpuPriority.RAISE);
            boolean ownSession = JavaRuntime.setsid().isPresent();
            if (childSessionBaseline.isPresent() && ownSession) {
                assertSessionRaisedOrRefusalReported(child.pid(), childSessionBaseline.get(), sessionNotRaised);
            } else {
                System.out.println("CpuPriorityTest: no session autogroups here (or no setsid): threads only");
            }

            Optional<String> sessionNotPutBack = CpuPriority.restoreNormal(child.pid());

            assertThat(CpuPriority.threadNiceValues(child.pid())).as("every thread once it is ready")
                    .isNotEmpty().allMatch(nice -> nice == launcher);
            if (sessionNotPutBack.isPresent() && !hasCapSysAdmin()) {
                // The same rate limit as the raise's: the launcher says so, as it does for a refused raise.
                System.out.println("the session stays raised, as the launcher reports: " + sessionNotPutBack.get());
            } else {
                assertThat(sessionNotPutBack).as("a refusal to put the session back").isEmpty();
                assertThat(CpuPriority.sessionNiceValue(child.pid())).as("its session's autogroup once it is ready")
                        .isEqualTo(ownSession ? childSessionBaseline : launcherSession);
            }
            assertThat(CpuPriority.sessionNiceValue(self)).as("the launcher's own session, untouched").isEqualTo(launcherSession);
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    /**
     * A session raised from its baseline; or, where the kernel refused the change (it rate-limits them for a process
     * without CAP_SYS_ADMIN, across every job sharing the host's kernel), left at its baseline and the refusal
     * reported. A process with CAP_SYS_ADMIN is never refused, so there a reported refusal fails.
     */
    static void assertSessionRaisedOrRefusalReported(long pid, int baseline, Optional<String> sessionNotRaised)
            throws java.io.IOException {
        if (sessionNotRaised.isPresent() && !hasCapSysAdmin()) {
            System.out.println("the session stays at its share, as the launcher reports: " + sessionNotRaised.get());
            assertThat(CpuPriority.sessionNiceValue(pid)).as("its session's autogroup, which the kernel would not change")
                    .contains(baseline);
            return;
        }
        assertThat(sessionNotRaised).as("a refusal reported").isEmpty();
        assertThat(CpuPriority.sessionNiceValue(pid)).as("its session's autogroup").contains(baseline - CpuPriority.RAISE);
    }

    /** Whether this process holds CAP_SYS_ADMIN (bit 21 of its effective set), for which the kernel has no rate limit. */
    private static boolean hasCapSysAdmin() throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("CapEff:"))
                .map(line -> new java.math.BigInteger(line.substring("CapEff:".length()).trim(), 16))
                .anyMatch(capabilities -> capabilities.testBit(21));
    }

    /**
     * The nice value a child's own session is raised from and put back to: the launcher's session's, or 0 where the
     * launcher is in the kernel's root group (an empty file: a CI runner that never called setsid); empty where the
     * kernel has no autogroups.
     */
    static Optional<Integer> childSessionBaseline() throws java.io.IOException {
        Path ownAutogroup = Path.of("/proc/self/autogroup");
        if (!Files.exists(ownAutogroup)) {
            return Optional.empty();
        }
        return Files.readString(ownAutogroup).isBlank() ? Optional.of(0)
                : CpuPriority.sessionNiceValue(ProcessHandle.current().pid());
    }

    @Test
    void aChildsOwnSessionIsRaisedFromTheLaunchersSessionOrFromZeroWhereTheLauncherIsInTheRootGroup() {
        Optional<String> child = Optional.of("/autogroup-1874 nice 0\n");
        assertThat(CpuPriority.launcherSessionNiceIfApart(Optional.of("/autogroup-12 nice 3\n"), child))
                .as("a launcher in a session of its own").contains(3);
        assertThat(CpuPriority.launcherSessionNiceIfApart(Optional.of(""), child))
                .as("a launcher in the kernel's root group (CI, a container's entry point)").contains(0);
        assertThat(CpuPriority.launcherSessionNiceIfApart(Optional.of("/autogroup-1874 nice 0\n"), child))
                .as("a child in the launcher's own session: never touched").isEmpty();
        assertThat(CpuPriority.launcherSessionNiceIfApart(Optional.of(""), Optional.of("")))
                .as("a child in the root group too").isEmpty();
        assertThat(CpuPriority.launcherSessionNiceIfApart(Optional.empty(), Optional.empty()))
                .as("a kernel without autogroups").isEmpty();
    }

    /**
     * Where the launcher runs in the kernel's root group (the official CI: a runner that never called setsid), a child
     * just started is there too, its file empty, until its setsid runs; it used to be taken for a child with no session
     * to raise, so a restarted service and the store were never raised there.
     */
    @Test
    void aChildNotYetInItsOwnSessionIsWaitedFor() {
        Optional<String> rootGroup = Optional.of("");
        assertThat(CpuPriority.sessionStep(rootGroup, rootGroup)).as("launcher and child in the root group, before setsid")
                .isInstanceOf(CpuPriority.SessionStep.WaitForItsSession.class);
        assertThat(CpuPriority.sessionStep(rootGroup, Optional.of("/autogroup-1874 nice 0\n"))).as("after its setsid")
                .isEqualTo(new CpuPriority.SessionStep.RaiseFrom(0));
        assertThat(CpuPriority.sessionStep(Optional.of("/autogroup-12 nice 3\n"), Optional.of("/autogroup-12 nice 3\n")))
                .as("a child still in the launcher's autogroup").isInstanceOf(CpuPriority.SessionStep.WaitForItsSession.class);
        assertThat(CpuPriority.sessionStep(Optional.of("/autogroup-12 nice 3\n"), Optional.of("/autogroup-13 nice 0\n")))
                .as("a child in a session of its own").isEqualTo(new CpuPriority.SessionStep.RaiseFrom(3));
        assertThat(CpuPriority.sessionStep(rootGroup, Optional.empty())).as("a child that ended")
                .isInstanceOf(CpuPriority.SessionStep.Leave.class);
        assertThat(CpuPriority.sessionStep(Optional.empty(), Optional.empty())).as("a kernel without autogroups")
                .isInstanceOf(CpuPriority.SessionStep.Leave.class);
        assertThat(CpuPriority.sessionStep(rootGroup, Optional.of("some other format\n"))).as("a format this does not know")
                .isInstanceOf(CpuPriority.SessionStep.Leave.class);
    }

    /** A JVM with a few threads of its own that waits to be killed. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            for (int i = 0; i < 3; i++) {
                Thread.ofPlatform().daemon().start(() -> sleepQuietly());
            }
            sleepQuietly();
        }

        private static void sleepQuietly() {
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
