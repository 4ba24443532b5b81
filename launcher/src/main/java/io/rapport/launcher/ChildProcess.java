package io.rapport.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM whose output goes to its own log file, and which can be stopped politely, then firmly.
 *
 * <p>Children are put in their own session (setsid) where the system allows: a Ctrl-C in the terminal
 * would otherwise reach every process of the foreground group at once, and Kafka would go down while the
 * services still talk to it. This way the launcher alone decides the order. The price is that nothing stops them
 * should the launcher be killed outright: {@link OrphanGuard} does that, from the pid files noted here.
 */
final class ChildProcess {

    private static final DateTimeFormatter MARKER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String name;
    private final Path logFile;
    private final Path pidFile;
    private final Process process;
    private final long startedAt = System.nanoTime();
    private volatile boolean stopRequested;

    private ChildProcess(String name, Path logFile, Path pidFile, Process process) {
        this.name = name;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.process = process;
    }

    /**
     * @param pidsDir where to note the process id, so a later run can name a process this one left behind;
     *                null for none
     */
    static ChildProcess start(String name, List<String> command, Path logFile, Path pidsDir) {
        return start(name, command, java.util.Map.of(), logFile, pidsDir);
    }

    /**
     * @param environment added to this process's environment for the child (secrets go here rather than on the
     *                    command line, which other local users can read and the log records)
     */
    static ChildProcess start(String name, List<String> command, java.util.Map<String, String> environment, Path logFile,
            Path pidsDir) {
        List<String> full = new ArrayList<>();
        JavaRuntime.setsid().ifPresent(full::add);
        full.addAll(command);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.writeString(logFile, System.lineSeparator() + "===== " + name + " starting at "
                            + LocalDateTime.now().format(MARKER_TIME) + ": " + String.join(" ", command)
                            + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            return new ChildProcess(name, logFile, notePid(pidsDir, name, process), process);
        } catch (IOException e) {
            throw LaunchException.startFailed("Could not start " + name + ": " + e.getMessage());
        }
    }

    /** Only a hint for a later run, so failing to write it must not lose track of the running process. */
    private static Path notePid(Path pidsDir, String name, Process process) {
        if (pidsDir == null) {
            return null;
        }
        Path pidFile = pidsDir.resolve(name + ".pid");
        long pid = process.pid();
        try {
            Files.createDirectories(pidsDir);
            Files.writeString(pidFile, Long.toString(pid));
        } catch (IOException e) {
            return null;
        }
        process.onExit().thenRun(() -> forget(pidFile, pid));
        return pidFile;
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Since it was started until now, or until it exited when called from its exit. */
    Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** True once someone asked it to stop, so its exit is not reported as a crash. */
    boolean stopRequested() {
        return stopRequested;
    }

    Process process() {
        return process;
    }

    void stop(Duration grace) {
        stopAll(List.of(this), grace);
    }

    /**
     * SIGKILL at once, as a crash would end it (no shutdown hook runs), but asked for: its supervisor does not
     * start it again. The fault suite's broker outage ({@link EmbeddedSystem#killKafka()}).
     */
    void kill() {
        stopRequested = true;
        process.destroyForcibly();
        waitFor(process, TimeUnit.SECONDS.toNanos(10));
        if (pidFile != null) {
            forget(pidFile, process.pid());
        }
    }

    /**
     * Asks all of them at once (SIGTERM: Spring and Kafka shut down cleanly on it), waits up to {@code grace}
     * in total, then kills whoever is left.
     */
    static void stopAll(Collection<ChildProcess> children, Duration grace) {
        for (ChildProcess child : children) {
            child.stopRequested = true;
            child.process.destroy();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ChildProcess child : children) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!waitFor(child.process, left)) {
                child.process.destroyForcibly();
            }
        }
        for (ChildProcess child : children) {
            waitFor(child.process, TimeUnit.SECONDS.toNanos(5));
            if (child.pidFile != null) {
                forget(child.pidFile, child.process.pid());
            }
        }
    }

    /** The last lines of its log, to show with a failure so nobody has to go looking. */
    String tail(int lines) {
        return tail(logFile, lines);
    }

    static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            // Enough for 30 long log lines; reading the whole file would be slow for a log kept across runs.
            long size = in.length();
            int chunk = (int) Math.min(size, 256 * 1024);
            byte[] bytes = new byte[chunk];
            in.seek(size - chunk);
            in.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Processes a previous run started and left running (after the launcher itself was killed, say). */
    static List<String> leftovers(Path pidsDir) {
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(pidsDir)) {
            return found;
        }
        try (var files = Files.list(pidsDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                long pid = Long.parseLong(Files.readString(file).trim());
                boolean javaAlive = ProcessHandle.of(pid)
                        .filter(ProcessHandle::isAlive)
                        .flatMap(handle -> handle.info().command())
                        .map(command -> command.contains("java"))
                        .orElse(false);
                if (javaAlive) {
                    found.add(name + " (pid " + pid + ")");
                } else {
                    deleteQuietly(file);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Only a hint for a message; an unreadable pid file must not stop the start.
        }
        return found;
    }

    private static boolean waitFor(Process process, long nanos) {
        try {
            return process.waitFor(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Only its own: a restarted process of the same name has already written its pid there. */
    private static void forget(Path pidFile, long pid) {
        try {
            if (Files.exists(pidFile) && Files.readString(pidFile).trim().equals(Long.toString(pid))) {
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException ignored) {
            // a stale pid file is harmless: leftovers() checks the process is alive
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale pid file is harmless: leftovers() checks the process is alive
        }
    }
}
