package io.rapport.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldsTest {

    enum Kind { EMAIL, DAY_TO_DAY }

    @Test
    void aChoiceIsReadTheSameWayEverywhereAndAbsentIsNeverAnError() {
        List<FieldProblem> problems = new ArrayList<>();

        assertThat(Fields.enumValue(Kind.class, null)).isEmpty();
        assertThat(Fields.enumValue(Kind.class, " day-to-day ")).contains(Kind.DAY_TO_DAY);
        assertThat(Fields.enumValue(Kind.class, "Day to day")).contains(Kind.DAY_TO_DAY);
        assertThat(Fields.oneOf(Kind.class, null, "kind", problems)).isNull();
        assertThat(Fields.oneOf(Kind.class, "  ", "kind", problems)).isNull();
        assertThat(problems).isEmpty();

        assertThat(Fields.oneOf(Kind.class, "pigeon", "kind", problems)).isNull();
        assertThat(Fields.requiredOneOf(Kind.class, null, "other", problems)).isNull();
        assertThat(problems).containsExactly(new FieldProblem("kind", "must be one of EMAIL, DAY_TO_DAY"),
                new FieldProblem("other", "is required: one of EMAIL, DAY_TO_DAY"));
    }

    @Test
    void textIsTrimmedBlankIsAbsentAndLengthIsBounded() {
        List<FieldProblem> problems = new ArrayList<>();

        assertThat(Fields.text("  hi  ", "a", 2, problems)).isEqualTo("hi");
        assertThat(Fields.text("   ", "a", 2, problems)).isNull();
        assertThat(Fields.text("abc", "b", 2, problems)).isNull();
        assertThat(Fields.requiredText(" ", "c", 2, problems)).isNull();
        assertThat(problems).containsExactly(new FieldProblem("b", "must be at most 2 characters"),
                new FieldProblem("c", "is required"));
    }

    @Test
    void numbersOutsideTheirRangeNotANumberAndInfinityAreRefused() {
        List<FieldProblem> problems = new ArrayList<>();

        assertThat(Fields.between(5, 1, 10, "n", problems)).isEqualTo(5);
        assertThat(Fields.between((Integer) null, 1, 10, "n", problems)).isNull();
        assertThat(Fields.between(1e20, 0, 1_000_000, "x", problems)).isNull();
        assertThat(Fields.between(Double.NaN, 0, 1, "y", problems)).isNull();
        assertThat(Fields.between(Double.POSITIVE_INFINITY, 0, 1, "z", problems)).isNull();
        assertThat(Fields.between(0.005, 0.01, 1, "w", problems)).isNull();
        assertThat(problems).extracting(FieldProblem::message).containsExactly("must be between 0 and 1000000",
                "must be between 0 and 1", "must be between 0 and 1", "must be between 0.01 and 1");
        assertThatThrownBy(() -> Fields.between(0, 1, 200, "limit")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).containsExactly(new FieldProblem("limit", "must be between 1 and 200")));
    }
}
