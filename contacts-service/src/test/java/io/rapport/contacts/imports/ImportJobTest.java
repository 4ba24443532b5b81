package io.rapport.contacts.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.contacts.contacts.ImportReport;
import io.rapport.contacts.contacts.ImportReport.Outcome;
import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An import job's progress, and when it counts as abandoned by the instance working on it. */
class ImportJobTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void eachBatchAddsItsOutcomesAndRenewsTheLease() {
        ImportJob job = ImportJob.accepted("job-1", new Member("alice", "uni"), "upload-1", "abc", 3, "instance-a", NOW);

        ImportJob progressed = job.afterBatch(List.of(row(Outcome.CREATED), row(Outcome.DUPLICATE), row(Outcome.INVALID)),
                NOW.plusSeconds(90));

        assertThat(progressed.rowsRead()).isEqualTo(3);
        assertThat(List.of(progressed.created(), progressed.duplicates(), progressed.invalid())).containsExactly(1, 1, 1);
        assertThat(progressed.leaseUntil()).isEqualTo(NOW.plusSeconds(90).plus(ImportJob.LEASE));
        assertThat(progressed.finished(NOW.plusSeconds(91)).done()).isTrue();
    }

    @Test
    void aRunningJobWhoseLeaseRanOutReadsAsFailedAndMayBeStartedAgain() {
        ImportJob job = ImportJob.accepted("job-1", new Member("alice", "uni"), null, "abc", 3, "instance-a", NOW);
        Instant later = NOW.plus(ImportJob.LEASE).plusSeconds(1);

        assertThat(job.idempotencyKey()).as("without a key, the job's own id").isEqualTo("job-1");
        assertThat(job.abandonedAt(NOW.plusSeconds(60))).isFalse();
        assertThat(job.asSeenAt(NOW.plusSeconds(60)).status()).isEqualTo(ImportJob.Status.RUNNING);
        assertThat(job.abandonedAt(later)).isTrue();
        assertThat(job.asSeenAt(later).status()).isEqualTo(ImportJob.Status.FAILED);
        assertThat(job.asSeenAt(later).failure()).contains("same Idempotency-Key");
        ImportJob again = job.restartedBy("instance-b", 3, later);
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(again.holder()).isEqualTo("instance-b");
        assertThat(again.rowsRead()).isZero();
        assertThat(again.finished(later).abandonedAt(later.plus(ImportJob.LEASE).plusSeconds(1))).as("done stays done")
                .isFalse();
    }

    private static ImportReport.RowResult row(Outcome outcome) {
        return new ImportReport.RowResult(5, "Ada Lovelace", outcome, null, null);
    }
}
