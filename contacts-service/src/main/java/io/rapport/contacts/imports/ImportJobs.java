package io.rapport.contacts.imports;

import io.rapport.contacts.contacts.ImportReport;
import io.rapport.platform.domain.Member;
import java.util.List;
import java.util.Optional;

/** Where import jobs and their per-row reports are kept, so any instance can tell a job's progress. */
public interface ImportJobs {

    /**
     * Stores a new job.
     *
     * @return empty, or the job that already holds the same idempotency key (an upload repeated meanwhile)
     */
    Optional<ImportJob> add(ImportJob job);

    Optional<ImportJob> find(Member owner, String id);

    Optional<ImportJob> findByKey(Member owner, String idempotencyKey);

    /**
     * Replaces {@code previous} by {@code next} (its next attempt, a batch's progress, its end) if the job is
     * still at {@code previous}'s attempt and held by {@code previous}'s holder.
     *
     * @return false when another attempt took the job over, or it was erased: the work stops
     */
    boolean replace(ImportJob previous, ImportJob next);

    /** Keeps the rows of one batch of the job's current attempt, in order; {@code batch} counts from 0. */
    void addRows(ImportJob job, int batch, List<ImportReport.RowResult> rows);

    /** The per-row report of the job's current attempt, in file order. */
    List<ImportReport.RowResult> rows(ImportJob job);

    /** Forgets the rows of earlier attempts of the job. */
    void deleteRows(ImportJob job);

    long deleteAll(Member owner);
}
