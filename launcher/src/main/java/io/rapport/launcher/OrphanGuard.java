package io.rapport.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops the children when the launcher dies without running its shutdown hook ({@code kill -9}, the OOM killer):
 * they run in sessions of their own (see {@link ChildProcess}), so nothing else would, and they would hold the
 * ports until someone found them.
 *
 * <p>How: one small {@code sh} process whose standard input is a pipe that only the launcher holds the other end
 * of. However the launcher dies, the kernel closes that end, the script's {@code read} returns end-of-file, and it
 * sends SIGTERM to every process named in the data folder's {@code pids/} (the children that were running: a
 * child's file is deleted as it exits, and a restarted child writes its new pid there), waits up to 10 s, then
 * SIGKILLs whoever is left. It leaves the pid files, so the next run can still name a child that survived even
 * that. Why this way: {@code prctl(PR_SET_PDEATHSIG)} is not reachable from Java without native code, polling the
 * launcher's pid costs a process every second and can be fooled by a reused pid, and the pipe needs neither.
 * After a clean stop the launcher ends the guard itself, so it never acts on the pids folder of a run that went
 * well. Where there is no {@code /bin/sh} (Windows) there is no guard.
 */
final class OrphanGuard implements AutoCloseable {

    /** $1 is the pids folder. Only processes that are still Java (where /proc tells) are signalled: pids get reused. */
    static final String SCRIPT = """
            while read -r ignored; do :; done
            echo "$(date '+%Y-%m-%d %H:%M:%S') the launcher is gone: stopping its children"
            pids=""
            for f in "$1"/*.pid; do
              [ -f "$f" ] || continue
              pid=$(cat "$f")
              case "$pid" in ''|*[!0-9]*) continue ;; esac
              if [ -r "/proc/$pid/cmdline" ] && ! grep -qa java "/proc/$pid/cmdline"; then continue; fi
              if kill -TERM "$pid" 2>/dev/null; then echo "  SIGTERM ${f##*/} ($pid)"; pids="$pids $pid"; fi
            done
            i=0
            while [ -n "$pids" ] && [ $i -lt 10 ]; do
              sleep 1
              alive=""
              for p in $pids; do if kill -0 "$p" 2>/dev/null; then alive="$alive $p"; fi; done
              pids=$alive
              i=$((i + 1))
            done
            for p in $pids; do echo "  SIGKILL $p"; kill -KILL "$p" 2>/dev/null; done
            echo "$(date '+%Y-%m-%d %H:%M:%S') done"
            """;

    private final Process process;

    private OrphanGuard(Process process) {
        this.process = process;
    }

    /** @return a guard that does nothing where the system has no POSIX shell */
    static OrphanGuard start(Path pidsDir, Path logFile) {
        if (!new File("/bin/sh").canExecute()) {
            return new OrphanGuard(null);
        }
        List<String> command = new ArrayList<>();
        // Its own session too, so a Ctrl-C in the terminal leaves the clean stop to the launcher's shutdown hook.
        JavaRuntime.setsid().ifPresent(command::add);
        command.addAll(List.of("/bin/sh", "-c", SCRIPT, "rapport-orphan-guard", pidsDir.toAbsolutePath().toString()));
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return new OrphanGuard(process);
        } catch (IOException e) {
            throw LaunchException.startFailed("Could not start the process that stops the children should the launcher"
                    + " be killed: " + e.getMessage());
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** What the kernel does when the launcher dies however it dies: closes the launcher's end of the pipe. For the tests. */
    void pipeClosed() throws IOException {
        if (process != null) {
            process.getOutputStream().close();
        }
    }

    /** Ends the guard without it doing anything: SIGTERM ends {@code sh} while it waits in {@code read}. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
