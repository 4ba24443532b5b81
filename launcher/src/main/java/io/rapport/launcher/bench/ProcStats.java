package io.rapport.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time and resident memory of a process, read from Linux's {@code /proc/<pid>/stat} and
 * {@code /proc/<pid>/status}: what {@code top} shows, without depending on {@code top}.
 */
final class ProcStats {

    private ProcStats() {
    }

    /** utime and stime in clock ticks (fields 14 and 15 of {@code /proc/<pid>/stat}). */
    record CpuTicks(long user, long system) {
        long total() {
            return user + system;
        }
    }

    /**
     * Parses one {@code /proc/<pid>/stat} line. The command name (field 2) is in parentheses and may hold
     * spaces and parentheses itself, so the fields are counted from the last ')'.
     */
    static CpuTicks parseStat(String line) {
        int close = line.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("Not a /proc/<pid>/stat line: " + line);
        }
        String[] fields = line.substring(close + 1).trim().split("\\s+");
        // fields[0] is field 3 (state), so field n is fields[n - 3]
        if (fields.length < 13) {
            throw new IllegalArgumentException("Too few fields in /proc/<pid>/stat line: " + line);
        }
        return new CpuTicks(Long.parseLong(fields[11]), Long.parseLong(fields[12]));
    }

    /** VmRSS in KiB from the text of {@code /proc/<pid>/status}; empty when absent (a kernel thread, a zombie). */
    static OptionalLong parseVmRssKib(String status) {
        return kibField(status, "VmRSS:");
    }

    /**
     * Pss in KiB from the text of {@code /proc/<pid>/smaps_rollup}: the process's resident pages, each page shared
     * with other processes counted as its share. Summed over processes it counts every resident page once, where
     * summed RSS counts the JVM's library and the JDK's class archive once per JVM (about 25 MB each here).
     */
    static OptionalLong parsePssKib(String smapsRollup) {
        return kibField(smapsRollup, "Pss:");
    }

    private static OptionalLong kibField(String text, String field) {
        for (String line : text.split("\n")) {
            if (line.startsWith(field)) {
                String[] parts = line.substring(field.length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]));
            }
        }
        return OptionalLong.empty();
    }

    /** Empty when the process is gone (or this is not Linux). */
    static java.util.Optional<CpuTicks> cpu(long pid) {
        try {
            return java.util.Optional.of(parseStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException | RuntimeException gone) {
            return java.util.Optional.empty();
        }
    }

    static OptionalLong rssKib(long pid) {
        try {
            return parseVmRssKib(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | RuntimeException gone) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong pssKib(long pid) {
        try {
            return parsePssKib(Files.readString(Path.of("/proc", Long.toString(pid), "smaps_rollup")));
        } catch (IOException | RuntimeException gone) {
            return OptionalLong.empty();
        }
    }

    /** Clock ticks per second ({@code getconf CLK_TCK}); 100 on every common Linux when getconf is missing. */
    static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor() == 0 && out.matches("\\d+")) {
                return Long.parseLong(out);
            }
        } catch (IOException e) {
            // fall through to the usual value
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
