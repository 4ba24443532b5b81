package io.rapport.insights.figures;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tenant's figures as precomputed: per period ("to-date" or an ISO week "2026-W48"), the tenant's total and each
 * cohort's cells, and the top industries of each. A suppressed cell holds no value at all (null), and a suppressed
 * industry is not in the list, so nothing below k is ever stored or returned.
 */
public record TenantFigures(String tenantId, int minGroupSize, Instant computedAt, Map<String, Period> periods) {

    public static final String TO_DATE = "to-date";

    /**
     * @param totalIndustries the tenant's most approached industries, at most {@link FigureTable#TOP_INDUSTRIES}
     * @param cohortIndustries cohort id → its most approached industries (every cohort, the list maybe empty)
     */
    public record Period(Map<Figure, Double> total, Map<String, Map<Figure, Double>> cohorts,
                         List<TopIndustry> totalIndustries, Map<String, List<TopIndustry>> cohortIndustries) {
    }
}
