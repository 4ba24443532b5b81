package io.rapport.insights.organization;

import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's settings for its figures: the minimum group size k. A figure is shown only where at least k distinct
 * members contribute to it; 5 unless the admin chose otherwise, never below 3.
 */
public record TenantSettings(int minGroupSize) {

    public static final int DEFAULT_MIN_GROUP_SIZE = 5;
    public static final int LOWEST_MIN_GROUP_SIZE = 3;
    public static final int HIGHEST_MIN_GROUP_SIZE = 1_000;
    public static final TenantSettings DEFAULTS = new TenantSettings(DEFAULT_MIN_GROUP_SIZE);

    public static TenantSettings of(Integer minGroupSize) {
        List<FieldProblem> problems = new ArrayList<>();
        if (minGroupSize == null) {
            throw new InvalidInputException("minGroupSize", "is required");
        }
        Fields.between(minGroupSize, LOWEST_MIN_GROUP_SIZE, HIGHEST_MIN_GROUP_SIZE, "minGroupSize", problems);
        Fields.check(problems);
        return new TenantSettings(minGroupSize);
    }
}
