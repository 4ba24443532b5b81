package io.rapport.launcher.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds and their nearest-rank percentiles. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(long[] samples) {
        this.sorted = samples.clone();
        Arrays.sort(this.sorted);
    }

    int count() {
        return sorted.length;
    }

    /**
     * Nearest rank: the smallest sample with at least {@code p} percent of the samples at or below it
     * (p50 of 1..100 is 50, p99 is 99, p100 the maximum). NaN for no samples.
     */
    double millis(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1] / 1_000_000.0;
    }

    double maxMillis() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1_000_000.0;
    }
}
