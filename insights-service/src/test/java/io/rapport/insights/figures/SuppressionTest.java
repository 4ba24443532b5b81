package io.rapport.insights.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    private static Set<String> members(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "m" + i).collect(Collectors.toSet());
    }

    @Test
    void aCellBelowKIsNotShown() {
        Map<String, Set<String>> cells = new LinkedHashMap<>();
        cells.put("total", members(1, 20));
        cells.put("small", members(1, 4));

        assertThat(Suppression.shown(cells, 5)).containsExactly("total");
    }

    @Test
    void aCohortWhoseComplementInTheTotalIsBelowKIsSuppressed() {
        // total 12, cohort 10: total less cohort would single out 2 members.
        Map<String, Set<String>> cells = new LinkedHashMap<>();
        cells.put("total", members(1, 12));
        cells.put("cohort", members(1, 10));

        assertThat(Suppression.shown(cells, 5)).containsExactly("total");
    }

    @Test
    void aCohortWithAComplementOfAtLeastKIsShown() {
        Map<String, Set<String>> cells = new LinkedHashMap<>();
        cells.put("total", members(1, 15));
        cells.put("cohort", members(1, 10));

        assertThat(Suppression.shown(cells, 5)).containsExactly("total", "cohort");
    }

    @Test
    void thePartitionLessOneSuppressedCohortCannotBeRecoveredFromTheOthers() {
        // a 6 + 6 + 2 partition: total − A − B would be C's 2 members.
        Map<String, Set<String>> cells = new LinkedHashMap<>();
        cells.put("total", members(1, 14));
        cells.put("a", members(1, 6));
        cells.put("b", members(7, 12));
        cells.put("c", members(13, 14));

        Set<String> shown = Suppression.shown(cells, 5);

        assertThat(shown).contains("total").doesNotContain("c");
        assertThat(shown).as("one of a and b goes too").hasSize(2);
    }

    @Test
    void aCohortInsideAnotherIsComparedToIt() {
        Map<String, Set<String>> cells = new LinkedHashMap<>();
        cells.put("total", members(1, 40));
        cells.put("program", members(1, 10));
        cells.put("program-2026", members(1, 8));

        assertThat(Suppression.shown(cells, 5)).containsExactly("total", "program");
    }
}
