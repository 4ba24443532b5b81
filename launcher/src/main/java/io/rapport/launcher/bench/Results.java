package io.rapport.launcher.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one run, each with its target and whether it was met; printed as one table at the end. */
final class Results {

    enum Verdict { PASS, FAIL, INFO, PARTIAL }

    record Row(String what, String figure, String target, Verdict verdict) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final PrintStream out;

    Results(PrintStream out) {
        this.out = out;
    }

    void add(String what, String figure, String target, Verdict verdict) {
        Row row = new Row(what, figure, target, verdict);
        synchronized (rows) {
            rows.add(row);
        }
        out.printf(Locale.ROOT, "  → %s: %s (target %s) %s%n", what, figure, target, verdict);
    }

    void check(String what, String figure, String target, boolean met) {
        add(what, figure, target, met ? Verdict.PASS : Verdict.FAIL);
    }

    void info(String what, String figure) {
        add(what, figure, "—", Verdict.INFO);
    }

    List<Row> rows() {
        synchronized (rows) {
            return List.copyOf(rows);
        }
    }

    /** A plain-text table, widths fitted to the content. */
    String table() {
        List<Row> all = rows();
        int w1 = 4;
        int w2 = 6;
        int w3 = 6;
        for (Row r : all) {
            w1 = Math.max(w1, r.what().length());
            w2 = Math.max(w2, r.figure().length());
            w3 = Math.max(w3, r.target().length());
        }
        String format = "%-" + w1 + "s | %-" + w2 + "s | %-" + w3 + "s | %s%n";
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, format, "what", "figure", "target", "verdict"));
        text.append("-".repeat(w1)).append("-+-").append("-".repeat(w2)).append("-+-").append("-".repeat(w3)).append("-+--------\n");
        for (Row r : all) {
            text.append(String.format(Locale.ROOT, format, r.what(), r.figure(), r.target(), r.verdict()));
        }
        return text.toString();
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static String s(double seconds) {
        return Double.isNaN(seconds) ? "n/a" : String.format(Locale.ROOT, "%.2f s", seconds);
    }

    static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "n/a" : String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }

    static String ratio(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }
}
