package io.rapport.web.charts;

import java.util.List;

/**
 * A horizontal bar chart of figures some of which are suppressed (fewer than k members contribute, so the service
 * did not return them): a shown figure is a bar as long as its value, a suppressed one a dashed outline that says
 * "suppressed" — never a zero, which would be a figure. The table behind it says the same in words.
 *
 * @param title the chart's accessible name and the table's caption
 * @param points in the order drawn (weeks, oldest first)
 * @param max the largest shown value (above 0), the full width of a bar
 */
public record SuppressibleChart(String title, List<Point> points, double max) {

    public static final int LABEL_WIDTH = 120;
    public static final int BAR_WIDTH = 360;
    public static final int ROW_HEIGHT = 28;

    public static SuppressibleChart of(String title, List<Point> points) {
        double max = points.stream().filter(p -> p.value() != null).mapToDouble(Point::value).max().orElse(0);
        return new SuppressibleChart(title, List.copyOf(points), max > 0 ? max : 1);
    }

    public int height() {
        return Math.max(1, points.size()) * ROW_HEIGHT + 8;
    }

    public int width() {
        return LABEL_WIDTH + BAR_WIDTH + 100;
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }

    public int barWidth() {
        return BAR_WIDTH;
    }

    public int y(int index) {
        return index * ROW_HEIGHT + 4;
    }

    /** A shown value's bar: proportional, at least a sliver above zero; a suppressed one has no length. */
    public int length(Point point) {
        if (point.value() == null || point.value() <= 0) {
            return 0;
        }
        return (int) Math.max(2, Math.round(BAR_WIDTH * point.value() / max));
    }

    public long suppressedCount() {
        return points.stream().filter(Point::suppressed).count();
    }

    /**
     * @param label  e.g. the ISO week "2026-W48"
     * @param value  null when suppressed or when there is no figure at all
     * @param shown  the value as a person reads it ("42 %"), "suppressed (…)" or "no activity"
     * @param suppressed  there is a figure, withheld because fewer than k members contribute (or it could be
     *                    recovered by subtracting others); false for a week nobody was active in
     */
    public record Point(String label, Double value, String shown, boolean suppressed) {

        public static Point of(String label, Double value, String shown) {
            return new Point(label, value, shown, value == null);
        }

        public static Point noActivity(String label) {
            return new Point(label, null, "no activity", false);
        }

        public boolean empty() {
            return value == null && !suppressed;
        }
    }
}
