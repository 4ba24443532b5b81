package io.rapport.web.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    void barsAreProportionalToTheLargest() {
        BarChart chart = BarChart.of("Themes", List.of(new BarChart.Bar("sql", 3), new BarChart.Bar("writing", 1),
                new BarChart.Bar("none", 0)));

        assertThat(chart.length(chart.bars().get(0))).isEqualTo(BarChart.BAR_WIDTH);
        assertThat(chart.length(chart.bars().get(1))).isEqualTo(BarChart.BAR_WIDTH / 3);
        assertThat(chart.length(chart.bars().get(2))).isZero();
        assertThat(chart.height()).isEqualTo(3 * BarChart.ROW_HEIGHT + 8);
    }

    @Test
    void longLabelsAreCutInThePictureOnly() {
        BarChart.Bar bar = new BarChart.Bar("stakeholder communication across clinical teams", 2);

        assertThat(bar.shortLabel()).hasSize(30).endsWith("…");
        assertThat(bar.label()).startsWith("stakeholder communication across clinical");
    }
}
