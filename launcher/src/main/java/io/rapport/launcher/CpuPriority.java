package io.rapport.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A service started again after a crash starts at a raised CPU priority and is put back to the launcher's own once
 * ready, when it is the only instance of its service ({@code ServiceProcess.raisedWhenRestarted}); so does a restarted
 * broker, put back once warm ({@code KafkaBroker.RAISED_AFTER_READY}); the store runs at that priority throughout.
 *
 * <p>Why: every child of the embedded default shares the machine's cores with the same weight, so a Spring service
 * starting while the others serve a full load gets a small share of the CPU. In the fault suite on 2 cores a killed
 * service took 39-73 s to come back (README, "The fault suite"), where alone it starts in about 8 s; a deployment
 * gives each instance its own CPU request, which this stands in for. Nice -10 gives the starting JVM about nine times
 * the weight of a busy neighbour (9,548 against 1,024) while it starts, and no more once it serves.
 *
 * <p>Two settings, because Linux shares the CPU in two steps where session autogroups are on (the default of most
 * desktop and many server kernels): first between sessions, each child being its own (setsid, see
 * {@link ChildProcess}), then between the threads of one. A thread's nice value alone therefore changed nothing here:
 * a restarted reminders-service at nice -5 still got the same 27 % of a core as each busy neighbour. So the child's
 * threads are raised ({@code nice -n -10} before its command, inherited by every thread it starts) and so is its
 * session's autogroup ({@code /proc/<pid>/autogroup}).
 *
 * <p>The store runs raised for good ({@link MongoWireServer}): every service waits on it, and as one session among 9 to
 * 15 it got one share of the cores. Under the data-path benchmark's background load it ran at 38 % of a core while its
 * young collections paused it for 46 ms on average and up to 192 ms (3.1 s of every 60, JFR), pauses that took that
 * long in wall time because its collector threads waited for the CPU; every request of every service waited with it.
 * After its own restart in the fault suite it ran at 20-26 % of a core with cold caches, and events took more than 5 s
 * to cross the system for one to two minutes. It only takes what the services' requests ask of it, so its weight
 * shortens their waits rather than taking their time.
 *
 * <p>Raising a priority needs the right to (root, or {@code CAP_SYS_NICE}); without it a restarted service and the
 * store run at normal priority, as before, and {@link #unavailableReason()} says so. Where the kernel refuses to
 * change a session's autogroup although the threads were raised (a host whose kernel many jobs share rate-limits those
 * changes), the session runs at its share and {@link #raiseSession} returns why, for the launcher to say.
 */
final class CpuPriority {

    /** How far above the launcher's own priority a restarted service starts (nice values: lower is more CPU). */
    static final int RAISE = 10;

    /** The lowest priority there is (nice 19): about 1.5 % of the weight of a busy neighbour. */
    static final int LOWEST = 19;

    private static final Path OWN_AUTOGROUP = Path.of("/proc/self/autogroup");

    /** About two seconds of tries at 50-250 ms apart (see {@link #write}). */
    private static final int WRITE_ATTEMPTS = 14;

    private static final Optional<Integer> LAUNCHER_NICE = launcherNiceIfRaisingIsAllowed();

    private CpuPriority() {
    }

    /** What goes before a restarted child's command: {@code nice -n -10}, or nothing where raising is not allowed. */
    static List<String> raisedCommandPrefix() {
        return LAUNCHER_NICE.isPresent() ? List.of("nice", "-n", Integer.toString(-RAISE)) : List.of();
    }

    /** Empty when restarted services are raised; otherwise why not, for the launcher to say once. */
    static Optional<String> unavailableReason() {
        return LAUNCHER_NICE.isPresent() ? Optional.empty()
                : Optional.of("a restarted service, and the store, run at normal CPU priority (raising it needs root or"
                        + " CAP_SYS_NICE)");
    }

    /**
     * Raises the autogroup of a child that runs in a session of its own, once it does ({@code setsid} runs first,
     * after the process has started): never the launcher's own session. Nothing where autogroups are off or absent.
     *
     * @return the kernel's refusal, if it would not raise the session (the child then runs at its session's share, as
     *     it would without the right to raise it); empty once raised, or where there is no session of its own to raise
     */
    static Optional<String> raiseSession(long pid) {
        if (LAUNCHER_NICE.isEmpty()) {
            return Optional.empty();
        }
        return setSession(pid, from -> from - RAISE);
    }

    /**
     * What goes before the command of a child that should take only the CPU nothing else wants ({@code nice -n 19}):
     * lowering needs no right.
     */
    static List<String> lowestCommandPrefix() {
        return List.of("nice", "-n", Integer.toString(LOWEST));
    }

    /**
     * Lowers the autogroup of a child in a session of its own to the lowest priority, once it has one: between
     * sessions its threads' nice value counts for nothing, and its session would get a full share.
     *
     * @return the kernel's refusal, if any; empty once lowered, or where there is no session of its own
     */
    static Optional<String> lowerSession(long pid) {
        return setSession(pid, from -> LOWEST);
    }

    private static Optional<String> setSession(long pid, java.util.function.IntUnaryOperator niceFrom) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            switch (sessionStep(read(OWN_AUTOGROUP), read(autogroupOf(pid)))) {
                case SessionStep.RaiseFrom from -> {
                    return write(autogroupOf(pid), niceFrom.applyAsInt(from.nice()));
                }
                case SessionStep.Leave leave -> {
                    return Optional.empty();
                }
                case SessionStep.WaitForItsSession waiting -> {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** What {@link #raiseSession} does after one look at the launcher's and the child's autogroup files. */
    sealed interface SessionStep {
        /** The child is in a session of its own: raise it from this nice value (the launcher's session's, or 0). */
        record RaiseFrom(int nice) implements SessionStep {
        }

        /** The child is still in the launcher's session: its {@code setsid} has not run yet. */
        record WaitForItsSession() implements SessionStep {
        }

        /** No autogroups, a format this does not know, or the child ended: nothing to raise. */
        record Leave() implements SessionStep {
        }
    }

    /**
     * One look at the two {@code /proc/<pid>/autogroup} files. A child whose file is empty is in the kernel's root
     * group, which it can only be in before its {@code setsid} when the launcher is there too (a CI runner, a
     * container's entry point), so it is waited for like a child still in the launcher's autogroup.
     */
    static SessionStep sessionStep(Optional<String> launcherFile, Optional<String> childFile) {
        if (launcherFile.isEmpty() || childFile.isEmpty()) {
            return new SessionStep.Leave();
        }
        if (childFile.get().isBlank()) {
            return new SessionStep.WaitForItsSession();
        }
        Optional<Autogroup> its = Autogroup.parse(childFile.get());
        if (its.isEmpty()) {
            return new SessionStep.Leave();
        }
        if (launcherFile.get().isBlank()) {
            return new SessionStep.RaiseFrom(0); // a new session starts at 0
        }
        Optional<Autogroup> own = Autogroup.parse(launcherFile.get());
        if (own.isEmpty()) {
            return new SessionStep.Leave();
        }
        return own.get().id().equals(its.get().id()) ? new SessionStep.WaitForItsSession()
                : new SessionStep.RaiseFrom(own.get().nice());
    }

    /** The nice value of the process's session autogroup, if the kernel has them (for the tests). */
    static Optional<Integer> sessionNiceValue(long pid) {
        return Autogroup.of(autogroupOf(pid)).map(Autogroup::nice);
    }

    /**
     * Puts every thread of the process back to the launcher's priority, and its session's autogroup when it has one
     * of its own. On Linux the priority is each thread's own, so each is set (twice: the second pass catches threads
     * started during the first); elsewhere the process's.
     *
     * @return the kernel's refusal to put its session back (see {@link #write}), for the launcher to say; empty once
     *     put back, or where it has no session of its own
     */
    static Optional<String> restoreNormal(long pid) {
        if (LAUNCHER_NICE.isEmpty()) {
            return Optional.empty();
        }
        for (int pass = 0; pass < 2; pass++) {
            List<String> command = new ArrayList<>(List.of("renice", Integer.toString(LAUNCHER_NICE.get()), "-p"));
            command.addAll(threadsOf(pid));
            run(command);
        }
        return launcherSessionNiceIfApart(pid).flatMap(own -> write(autogroupOf(pid), own));
    }

    /** The launcher's session nice value if the process has an autogroup of its own (never touch the launcher's). */
    private static Optional<Integer> launcherSessionNiceIfApart(long pid) {
        return launcherSessionNiceIfApart(read(OWN_AUTOGROUP), read(autogroupOf(pid)));
    }

    /**
     * From the two {@code /proc/<pid>/autogroup} files, the launcher's and the child's: the nice value the child's
     * session is raised from and put back to, if the child has a session of its own. A launcher that never left the
     * session of the machine's first process (a CI runner, a container's entry point) is in the kernel's root group,
     * whose file is empty; a session the child made is then its own, and starts at 0 like every new one.
     */
    static Optional<Integer> launcherSessionNiceIfApart(Optional<String> launcherFile, Optional<String> childFile) {
        return sessionStep(launcherFile, childFile) instanceof SessionStep.RaiseFrom from
                ? Optional.of(from.nice()) : Optional.empty();
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException | RuntimeException noneHere) {
            // no autogroups on this kernel, or the process ended
            return Optional.empty();
        }
    }

    private static Path autogroupOf(long pid) {
        return Path.of("/proc", Long.toString(pid), "autogroup");
    }

    /**
     * Without CAP_SYS_ADMIN the kernel takes one autogroup change a tenth of a second across the whole machine (every
     * container on a shared host included) and refuses the others (EAGAIN), so a refused write is tried again for
     * about two seconds, at uneven intervals so as not to keep meeting another writer's slot.
     *
     * @return the kernel's last refusal if every try was refused; empty once written, or if the process ended
     */
    private static Optional<String> write(Path autogroup, int nice) {
        String refusal = "";
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            try {
                Files.writeString(autogroup, Integer.toString(nice));
                return Optional.empty();
            } catch (IOException | RuntimeException refused) {
                if (!Files.exists(autogroup)) {
                    return Optional.empty(); // the process ended meanwhile
                }
                refusal = String.valueOf(refused.getMessage());
            }
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(50, 250));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.of("the kernel refused to change " + autogroup + " for 2 s (" + refusal + "; from a process"
                + " without CAP_SYS_ADMIN it takes one such change a tenth of a second across the machine)");
    }

    /**
     * A line of {@code /proc/<pid>/autogroup}: {@code /autogroup-1277 nice 0}. The file is empty for a process in the
     * kernel's root group, which has no nice value of its own.
     */
    private record Autogroup(String id, int nice) {
        static Optional<Autogroup> of(Path file) {
            return read(file).flatMap(Autogroup::parse);
        }

        static Optional<Autogroup> parse(String line) {
            String[] parts = line.trim().split("\\s+");
            try {
                if (parts.length == 3 && parts[1].equals("nice")) {
                    return Optional.of(new Autogroup(parts[0], Integer.parseInt(parts[2])));
                }
            } catch (NumberFormatException notThisFormat) {
                // some other kernel's format: leave the session alone
            }
            return Optional.empty();
        }
    }

    /** The nice value of each of the process's threads (Linux only), for the tests. */
    static List<Integer> threadNiceValues(long pid) {
        List<Integer> values = new ArrayList<>();
        for (String tid : threadsOf(pid)) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "task", tid, "stat"));
                // Fields after the command name, which may hold spaces; nice is the 19th field of the whole line.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                values.add(Integer.parseInt(fields[16]));
            } catch (IOException | RuntimeException gone) {
                // the thread ended meanwhile
            }
        }
        return values;
    }

    private static List<String> threadsOf(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return List.of(Long.toString(pid));
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.map(thread -> thread.getFileName().toString()).toList();
        } catch (IOException ended) {
            return List.of(Long.toString(pid));
        }
    }

    /**
     * The launcher's nice value if a child may be started {@link #RAISE} below it: {@code nice} alone prints the
     * current value, {@code nice -n -5 nice} the raised one, or the same one and a warning where it is not allowed.
     */
    private static Optional<Integer> launcherNiceIfRaisingIsAllowed() {
        Optional<String> own = run(List.of("nice"));
        Optional<String> raised = run(List.of("nice", "-n", Integer.toString(-RAISE), "nice"));
        try {
            if (own.isPresent() && raised.isPresent()
                    && Integer.parseInt(raised.get()) == Integer.parseInt(own.get()) - RAISE) {
                return Optional.of(Integer.parseInt(own.get()));
            }
        } catch (NumberFormatException notNice) {
            // some other program answered
        }
        return Optional.empty();
    }

    /** The command's standard output, trimmed, if it ran and exited 0 within 10 s. */
    private static Optional<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return Optional.of(out);
            }
            process.destroyForcibly();
        } catch (IOException noSuchProgram) {
            // not on this system
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}
