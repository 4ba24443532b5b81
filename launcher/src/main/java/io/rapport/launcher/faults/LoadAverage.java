package io.rapport.launcher.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The machine's 1-minute load average (/proc/loadavg), sampled every 5 s while the suite runs: on a shared 2-core
 * machine it says more about the recovery times than anything the suite does, so the report gives it per fault.
 */
final class LoadAverage implements AutoCloseable {

    private record Sample(long millis, double load) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    LoadAverage() {
        thread = Thread.ofPlatform().daemon().name("load-average").start(() -> {
            while (running) {
                double load = read();
                if (!Double.isNaN(load)) {
                    synchronized (samples) {
                        samples.add(new Sample(System.currentTimeMillis(), load));
                    }
                }
                JourneyDriver.pause(5_000);
            }
        });
    }

    static String now() {
        double load = read();
        return Double.isNaN(load) ? "unknown" : String.format(Locale.ROOT, "%.1f", load);
    }

    /** "12.3–25.0" over the samples taken between the two times; "unknown" without any (no /proc). */
    String range(long fromMillis, long toMillis) {
        double min = Double.MAX_VALUE;
        double max = -1;
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.millis >= fromMillis && s.millis <= toMillis) {
                    min = Math.min(min, s.load);
                    max = Math.max(max, s.load);
                }
            }
        }
        return max < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f–%.1f", min, max);
    }

    private static double read() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void close() {
        running = false;
    }
}
