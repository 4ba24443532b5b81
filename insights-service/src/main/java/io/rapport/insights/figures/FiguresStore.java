package io.rapport.insights.figures;

import java.util.List;
import java.util.Optional;

/** The precomputed figures, one per tenant, and which tenants' figures are out of date (a port). */
public interface FiguresStore {

    /** Something the tenant's figures are made of changed: they will be recomputed. */
    void markStale(String tenantId);

    /** Tenants whose figures are out of date, with the version each was at when read. */
    List<Stale> stale(int limit);

    /** Stores the figures; the tenant stays stale when it changed again since {@code seen} was read. */
    void save(TenantFigures figures, Stale seen);

    Optional<TenantFigures> find(String tenantId);

    void reset();

    record Stale(String tenantId, long version) {
    }
}
