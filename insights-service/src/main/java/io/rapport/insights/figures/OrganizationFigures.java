package io.rapport.insights.figures;

import io.rapport.insights.activity.ActivityStore;
import io.rapport.insights.organization.Cohort;
import io.rapport.insights.organization.OrganizationStore;
import io.rapport.platform.domain.InvalidInputException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The organization's figures, precomputed as events arrive: an event or a change of cohorts marks the tenant's
 * figures stale, and {@link #refreshStale} (a background loop) recomputes them, so a request only reads the result.
 */
public class OrganizationFigures {

    static final int TENANTS_PER_ROUND = 20;
    private static final Pattern WEEK = Pattern.compile("\\d{4}-W\\d{2}");

    private final FiguresStore figures;
    private final ActivityStore activity;
    private final OrganizationStore organization;
    private final Clock clock;
    private volatile Runnable wakeRefresh = () -> { };

    public OrganizationFigures(FiguresStore figures, ActivityStore activity, OrganizationStore organization, Clock clock) {
        this.figures = figures;
        this.activity = activity;
        this.organization = organization;
        this.clock = clock;
    }

    /** Called when a tenant's figures go stale (the refresh's wake-up). */
    public void whenStale(Runnable callback) {
        this.wakeRefresh = callback;
    }

    /**
     * The tenant's figures are stale: marked in the store (any instance's refresh finds them) and this instance's
     * refresh woken, so the refresh need not look for stale tenants on its own more than once per
     * {@code figures-look-interval}.
     */
    public void markStale(String tenantId) {
        figures.markStale(tenantId);
        wakeRefresh.run();
    }

    /** @return true when a full round was taken (more may be waiting) */
    public boolean refreshStale() {
        List<FiguresStore.Stale> stale = figures.stale(TENANTS_PER_ROUND);
        for (FiguresStore.Stale tenant : stale) {
            figures.save(compute(tenant.tenantId()), tenant);
        }
        return stale.size() >= TENANTS_PER_ROUND;
    }

    TenantFigures compute(String tenantId) {
        Set<String> cohorts = new HashSet<>();
        organization.cohorts(tenantId).forEach(cohort -> cohorts.add(cohort.id()));
        Map<String, Set<String>> memberships = organization.memberships(tenantId);
        return FigureTable.compute(tenantId, activity.tenant(tenantId), memberships, cohorts,
                organization.settings(tenantId).minGroupSize(), clock.instant());
    }

    /**
     * A period's figures as shown to the tenant's admins: the total and every cohort (suppressed cells are absent).
     *
     * @param period "to-date" (or null) or an ISO week such as "2026-W48"
     */
    public View view(String tenantId, String period) {
        String key = period == null || period.isBlank() ? TenantFigures.TO_DATE : period.trim();
        if (!key.equals(TenantFigures.TO_DATE) && !WEEK.matcher(key).matches()) {
            throw new InvalidInputException("period", "must be to-date or an ISO week such as 2026-W48");
        }
        Optional<TenantFigures> stored = figures.find(tenantId);
        List<Cohort> cohorts = organization.cohorts(tenantId);
        TenantFigures.Period found = stored.map(f -> f.periods().get(key)).orElse(null);
        return new View(key, organization.settings(tenantId).minGroupSize(),
                stored.map(TenantFigures::computedAt).orElse(null),
                found == null ? Map.of() : found.total(),
                cohorts.stream().map(cohort -> new CohortView(cohort.id(), cohort.name(),
                        found == null ? Map.of() : found.cohorts().getOrDefault(cohort.id(), Map.of()),
                        found == null ? List.of() : found.cohortIndustries().getOrDefault(cohort.id(), List.of()))).toList(),
                stored.map(f -> f.periods().keySet().stream().toList()).orElse(List.of()),
                found == null ? List.of() : found.totalIndustries());
    }

    /** @param topIndustries the tenant's most approached industries in the period (only those shown: at least k) */
    public record View(String period, int minGroupSize, java.time.Instant computedAt, Map<Figure, Double> total,
                       List<CohortView> cohorts, List<String> periods, List<TopIndustry> topIndustries) {
    }

    /** @param topIndustries the cohort's most approached industries in the period (only those shown) */
    public record CohortView(String cohortId, String name, Map<Figure, Double> figures, List<TopIndustry> topIndustries) {
    }
}
