package io.rapport.insights.figures;

import java.time.Instant;
import java.util.Map;

/**
 * A tenant's figures as precomputed: per period ("to-date" or an ISO week "2026-W48"), the tenant's total and each
 * cohort's cells. A suppressed cell holds no value at all (null), so nothing below k is ever stored or returned.
 */
public record TenantFigures(String tenantId, int minGroupSize, Instant computedAt, Map<String, Period> periods) {

    public static final String TO_DATE = "to-date";

    public record Period(Map<Figure, Double> total, Map<String, Map<Figure, Double>> cohorts) {
    }
}
