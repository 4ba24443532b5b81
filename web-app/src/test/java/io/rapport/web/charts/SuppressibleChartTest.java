package io.rapport.web.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressibleChartTest {

    @Test
    void aSuppressedWeekHasNoBarAndDoesNotSetTheScale() {
        SuppressibleChart chart = SuppressibleChart.of("Active members", List.of(
                SuppressibleChart.Point.of("2026-W47", 8.0, "8"),
                SuppressibleChart.Point.of("2026-W48", null, "suppressed"),
                SuppressibleChart.Point.of("2026-W49", 4.0, "4")));

        assertThat(chart.length(chart.points().get(0))).isEqualTo(SuppressibleChart.BAR_WIDTH);
        assertThat(chart.length(chart.points().get(1))).isZero();
        assertThat(chart.length(chart.points().get(2))).isEqualTo(SuppressibleChart.BAR_WIDTH / 2);
        assertThat(chart.suppressedCount()).isEqualTo(1);
    }

    @Test
    void aWeekNobodyWasActiveInIsNotASuppressedOne() {
        SuppressibleChart chart = SuppressibleChart.of("Active members", List.of(SuppressibleChart.Point.noActivity("2026-W46"),
                SuppressibleChart.Point.of("2026-W47", null, "suppressed")));

        assertThat(chart.points().get(0).suppressed()).isFalse();
        assertThat(chart.points().get(0).empty()).isTrue();
        assertThat(chart.suppressedCount()).isEqualTo(1);
    }

    @Test
    void everyWeekSuppressedStillDraws() {
        SuppressibleChart chart = SuppressibleChart.of("Reply rate", List.of(SuppressibleChart.Point.of("2026-W48", null, "suppressed")));

        assertThat(chart.max()).isEqualTo(1);
        assertThat(chart.height()).isPositive();
    }
}
