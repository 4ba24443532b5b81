package io.rapport.web.charts;

import java.util.List;

/**
 * A horizontal bar chart drawn on the server as SVG (no script, no chart library): the template draws a {@code rect}
 * per bar from these numbers, and the same bars as a table for screen readers and for anyone who prefers numbers.
 *
 * @param title  the chart's accessible name and the table's caption
 * @param bars   in the order drawn
 * @param max    the largest value (at least 1), the full width of a bar
 */
public record BarChart(String title, List<Bar> bars, int max) {

    /** Room on the left for the labels, and the bars' full width, in SVG units. */
    public static final int LABEL_WIDTH = 220;
    public static final int BAR_WIDTH = 300;
    public static final int ROW_HEIGHT = 28;

    public static BarChart of(String title, List<Bar> bars) {
        int max = bars.stream().mapToInt(Bar::value).max().orElse(0);
        return new BarChart(title, List.copyOf(bars), Math.max(1, max));
    }

    public int height() {
        return Math.max(1, bars.size()) * ROW_HEIGHT + 8;
    }

    public int width() {
        return LABEL_WIDTH + BAR_WIDTH + 40;
    }

    /** The bar's length in SVG units: proportional to its value, at least a sliver for any value above zero. */
    public int length(Bar bar) {
        return bar.value() <= 0 ? 0 : Math.max(2, Math.round((float) BAR_WIDTH * bar.value() / max));
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }

    public int y(int index) {
        return index * ROW_HEIGHT + 4;
    }

    public record Bar(String label, int value) {

        /** Long labels are cut in the picture; the table beside it has them whole. */
        public String shortLabel() {
            return label.length() <= 30 ? label : label.substring(0, 29) + "…";
        }
    }
}
