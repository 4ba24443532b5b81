package io.rapport.contacts.imports;

import io.rapport.contacts.contacts.ContactBook;
import io.rapport.contacts.contacts.ImportReport;
import io.rapport.contacts.contacts.LinkedInConnections;
import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.Ids;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import io.rapport.platform.domain.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The LinkedIn import as a job: an upload is checked (the file must be LinkedIn's export) and accepted at once,
 * and its rows are imported in the background, in batches, by the instance that accepted it; the job's progress
 * and per-row report are kept with the contacts, so any instance answers for it. The same idempotency key
 * never imports a file twice: the job already under that key is answered, or started again if it failed.
 */
public class ContactImports {

    /** Rows per batch: one bulk write of contacts, one progress write. */
    public static final int BATCH = 1_000;

    private static final Logger log = Logger.getLogger(ContactImports.class.getName());

    private final ImportJobs jobs;
    private final ContactBook book;
    private final Executor workers;
    private final Clock clock;
    private final String holder = Ids.newId();

    /** @param workers runs the imports of this instance; it refuses work when too many are waiting */
    public ContactImports(ImportJobs jobs, ContactBook book, Executor workers, Clock clock) {
        this.jobs = jobs;
        this.book = book;
        this.workers = workers;
        this.clock = clock;
    }

    /** A job accepted: {@code started} when this upload starts (or starts again) the work. */
    public record Accepted(ImportJob job, boolean started) {
    }

    /**
     * Accepts an upload of LinkedIn's Connections.csv.
     *
     * @throws InvalidInputException ("file") when it is not LinkedIn's export or has too many rows,
     *     ("Idempotency-Key") when the key is too long
     * @throws ConflictException when the key was used for another file
     */
    public Accepted accept(Member owner, String idempotencyKey, String csv) {
        List<FieldProblem> problems = new ArrayList<>();
        String key = Fields.text(idempotencyKey, "Idempotency-Key", ImportJob.MAX_KEY, problems);
        if (csv == null || csv.isBlank()) {
            problems.add(new FieldProblem("file", "is empty"));
        }
        Fields.check(problems);
        List<LinkedInConnections.Row> rows = LinkedInConnections.parse(csv);
        String fingerprint = sha256(csv);
        if (key != null) {
            Optional<ImportJob> earlier = jobs.findByKey(owner, key);
            if (earlier.isPresent()) {
                return again(earlier.get(), fingerprint, rows);
            }
        }
        ImportJob job = ImportJob.accepted(Ids.newId(), owner, key, fingerprint, rows.size(), holder, clock.instant());
        Optional<ImportJob> raced = jobs.add(job);
        if (raced.isPresent()) {
            return again(raced.get(), fingerprint, rows);
        }
        return start(job, rows);
    }

    /** The job as it stands, with its per-row report once done. */
    public Map.Entry<ImportJob, List<ImportReport.RowResult>> progress(Member owner, String id) {
        ImportJob job = jobs.find(owner, id).orElseThrow(() -> new NotFoundException("import", id))
                .asSeenAt(clock.instant());
        return Map.entry(job, job.done() ? jobs.rows(job) : List.of());
    }

    private Accepted again(ImportJob earlier, String fingerprint, List<LinkedInConnections.Row> rows) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new ConflictException("The Idempotency-Key " + earlier.idempotencyKey()
                    + " was used for another file: use a new key for a new file", Map.of("existingImportId", earlier.id()));
        }
        if (!earlier.abandonedAt(clock.instant())) {
            return new Accepted(earlier, false);
        }
        ImportJob restarted = earlier.restartedBy(holder, rows.size(), clock.instant());
        if (!jobs.replace(earlier, restarted)) {
            // Another upload with the same key restarted it first.
            return new Accepted(jobs.find(earlier.owner(), earlier.id()).orElse(earlier), false);
        }
        jobs.deleteRows(restarted);
        return start(restarted, rows);
    }

    private Accepted start(ImportJob job, List<LinkedInConnections.Row> rows) {
        try {
            workers.execute(() -> run(job, rows));
            return new Accepted(job, true);
        } catch (RejectedExecutionException busy) {
            ImportJob failed = job.failed("contacts-service is busy with other imports: upload the file again with "
                    + "the same Idempotency-Key in a minute", clock.instant());
            jobs.replace(job, failed);
            return new Accepted(failed, true);
        }
    }

    /** The work: batch after batch, each written with its progress; stops if the job was taken over or erased. */
    void run(ImportJob accepted, List<LinkedInConnections.Row> rows) {
        ImportJob job = accepted;
        try {
            Map<String, String> taken = new java.util.HashMap<>(book.identityKeys(job.owner()));
            for (int from = 0, batch = 0; from < rows.size(); from += BATCH, batch++) {
                List<ImportReport.RowResult> results = book.importRows(job.owner(),
                        rows.subList(from, Math.min(rows.size(), from + BATCH)), taken);
                jobs.addRows(job, batch, results);
                ImportJob progressed = job.afterBatch(results, clock.instant());
                if (!jobs.replace(job, progressed)) {
                    return;
                }
                job = progressed;
            }
            jobs.replace(job, job.finished(clock.instant()));
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Import " + job.id() + " failed", e);
            jobs.replace(job, job.failed("the import stopped on an error after " + job.rowsRead()
                    + " rows: upload the file again with the same Idempotency-Key", clock.instant()));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
