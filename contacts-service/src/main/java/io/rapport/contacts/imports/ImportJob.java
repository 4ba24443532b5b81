package io.rapport.contacts.imports;

import io.rapport.contacts.contacts.ImportReport;
import io.rapport.platform.domain.Member;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One upload of LinkedIn's connections export, imported in the background: its progress (rows read, created,
 * duplicates, invalid) as the rows are worked through, then its outcome. The instance that accepted the upload
 * does the work while it holds the job's lease ({@code holder} until {@code leaseUntil}), renewed at every
 * batch; if that instance stops, the lease runs out and the job is failed. An upload with the same
 * idempotency key then starts it again ({@code attempt} + 1): rows the failed attempt created are found as
 * duplicates, so nothing is imported twice.
 *
 * @param idempotencyKey the member's key for the upload, or the job's own id when none was given
 * @param fingerprint the SHA-256 of the file, so a key reused for another file is refused
 */
public record ImportJob(String id, Member owner, String idempotencyKey, String fingerprint, Status status,
        int rowsTotal, int rowsRead, int created, int duplicates, int invalid, String failure, String holder,
        int attempt, Instant leaseUntil, Instant createdAt, Instant updatedAt, Instant finishedAt) {

    public static final int MAX_KEY = 200;
    /** How long a job stays its holder's without a sign of progress; every batch renews it. */
    public static final Duration LEASE = Duration.ofMinutes(2);
    public static final String ABANDONED = "the instance importing the file stopped before it finished: "
            + "upload the file again with the same Idempotency-Key to finish the import (nothing is imported twice)";

    public enum Status {
        RUNNING, DONE, FAILED
    }

    public static ImportJob accepted(String id, Member owner, String idempotencyKey, String fingerprint, int rowsTotal,
            String holder, Instant now) {
        return new ImportJob(id, owner, idempotencyKey == null ? id : idempotencyKey, fingerprint, Status.RUNNING,
                rowsTotal, 0, 0, 0, 0, null, holder, 1, now.plus(LEASE), now, now, null);
    }

    /** As the member sees it at {@code now}: a running job whose lease ran out has failed. */
    public ImportJob asSeenAt(Instant now) {
        return abandonedAt(now) && status == Status.RUNNING
                ? new ImportJob(id, owner, idempotencyKey, fingerprint, Status.FAILED, rowsTotal, rowsRead, created,
                        duplicates, invalid, ABANDONED, holder, attempt, leaseUntil, createdAt, updatedAt, null)
                : this;
    }

    /** Failed, or running without its holder's sign of life: an upload with the same key may start it again. */
    public boolean abandonedAt(Instant now) {
        return status == Status.FAILED || status == Status.RUNNING && leaseUntil.isBefore(now);
    }

    /** The next attempt, held by {@code newHolder}, from the first row again. */
    public ImportJob restartedBy(String newHolder, int rows, Instant now) {
        return new ImportJob(id, owner, idempotencyKey, fingerprint, Status.RUNNING, rows, 0, 0, 0, 0, null, newHolder,
                attempt + 1, now.plus(LEASE), createdAt, now, null);
    }

    /** After one more batch: the counts grow by what the batch did, the lease is renewed. */
    public ImportJob afterBatch(List<ImportReport.RowResult> batch, Instant now) {
        return new ImportJob(id, owner, idempotencyKey, fingerprint, status, rowsTotal, rowsRead + batch.size(),
                created + count(batch, ImportReport.Outcome.CREATED),
                duplicates + count(batch, ImportReport.Outcome.DUPLICATE),
                invalid + count(batch, ImportReport.Outcome.INVALID), failure, holder, attempt, now.plus(LEASE),
                createdAt, now, finishedAt);
    }

    public ImportJob finished(Instant now) {
        return new ImportJob(id, owner, idempotencyKey, fingerprint, Status.DONE, rowsTotal, rowsRead, created,
                duplicates, invalid, null, holder, attempt, leaseUntil, createdAt, now, now);
    }

    public ImportJob failed(String reason, Instant now) {
        return new ImportJob(id, owner, idempotencyKey, fingerprint, Status.FAILED, rowsTotal, rowsRead, created,
                duplicates, invalid, reason, holder, attempt, leaseUntil, createdAt, now, now);
    }

    public boolean done() {
        return status == Status.DONE;
    }

    private static int count(List<ImportReport.RowResult> rows, ImportReport.Outcome outcome) {
        return (int) rows.stream().filter(row -> row.outcome() == outcome).count();
    }
}
