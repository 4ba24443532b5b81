package io.rapport.contacts.imports.persistence;

import static io.rapport.platform.persistence.MemberScope.owned;

import io.rapport.contacts.contacts.ImportReport;
import io.rapport.contacts.imports.ImportJob;
import io.rapport.contacts.imports.ImportJobs;
import io.rapport.platform.domain.Member;
import io.rapport.platform.persistence.OwnedDocuments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Import jobs, one document each (a unique index keeps one job per member and idempotency key), and their
 * per-row reports, one document per batch keyed {@code jobId/attempt/batch}: a job's report is one range of
 * the member's documents in {@code _id} order, and a 30,000-row report never nears a document's size limit.
 */
@Repository
class MongoImportJobs implements ImportJobs {

    static final String JOBS = "contact_imports";
    static final String ROWS = "contact_import_rows";

    private final MongoTemplate mongo;
    private final OwnedDocuments<ImportJob> jobs;
    private final OwnedDocuments<Document> rows;

    MongoImportJobs(MongoTemplate mongo) {
        this.mongo = mongo;
        this.jobs = new OwnedDocuments<>(mongo, JOBS, MongoImportJobs::toJob);
        this.rows = new OwnedDocuments<>(mongo, ROWS, document -> document);
        mongo.indexOps(JOBS).createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("memberId", Sort.Direction.ASC)
                .on("idempotencyKey", Sort.Direction.ASC).unique().named("one_import_per_key"));
    }

    @Override
    public Optional<ImportJob> add(ImportJob job) {
        try {
            jobs.insert(toDocument(job));
            return Optional.empty();
        } catch (DuplicateKeyException sameKey) {
            return findByKey(job.owner(), job.idempotencyKey());
        }
    }

    @Override
    public Optional<ImportJob> find(Member owner, String id) {
        return jobs.find(owner, id);
    }

    @Override
    public Optional<ImportJob> findByKey(Member owner, String idempotencyKey) {
        return Optional.ofNullable(mongo.findOne(Query.query(owned(owner).and("idempotencyKey").is(idempotencyKey)),
                Document.class, JOBS)).map(MongoImportJobs::toJob);
    }

    @Override
    public boolean replace(ImportJob previous, ImportJob next) {
        Query held = Query.query(Criteria.where("_id").is(previous.id()).and("tenantId").is(previous.owner().tenantId())
                .and("memberId").is(previous.owner().memberId()).and("holder").is(previous.holder())
                .and("attempt").is(previous.attempt()));
        return mongo.replace(held, toDocument(next), JOBS).getModifiedCount() > 0;
    }

    @Override
    public void addRows(ImportJob job, int batch, List<ImportReport.RowResult> results) {
        List<Document> list = new ArrayList<>(results.size());
        for (ImportReport.RowResult row : results) {
            list.add(new Document("line", row.line()).append("name", row.name()).append("outcome", row.outcome().name())
                    .append("contactId", row.contactId()).append("reason", row.reason()));
        }
        rows.insert(new Document("_id", prefix(job) + String.format("%06d", batch))
                .append("tenantId", job.owner().tenantId()).append("memberId", job.owner().memberId())
                .append("rows", list));
    }

    @Override
    public List<ImportReport.RowResult> rows(ImportJob job) {
        List<ImportReport.RowResult> report = new ArrayList<>(job.rowsRead());
        for (Document batch : mongo.find(Query.query(ofAttempt(job, prefix(job))).with(Sort.by("_id")), Document.class, ROWS)) {
            for (Document row : batch.getList("rows", Document.class)) {
                report.add(new ImportReport.RowResult(row.getInteger("line"), row.getString("name"),
                        ImportReport.Outcome.valueOf(row.getString("outcome")), row.getString("contactId"),
                        row.getString("reason")));
            }
        }
        return report;
    }

    @Override
    public void deleteRows(ImportJob job) {
        mongo.remove(Query.query(ofAttempt(job, job.id() + "/")), ROWS);
    }

    @Override
    public long deleteAll(Member owner) {
        rows.deleteAll(owner);
        return jobs.deleteAll(owner);
    }

    /** The member's row documents whose id starts with {@code prefix}: a range of the member index. */
    private static Criteria ofAttempt(ImportJob job, String prefix) {
        return owned(job.owner()).and("_id").gte(prefix).lt(prefix + Character.MAX_VALUE);
    }

    private static String prefix(ImportJob job) {
        return job.id() + "/" + job.attempt() + "/";
    }

    private static Document toDocument(ImportJob job) {
        return new Document("_id", job.id())
                .append("tenantId", job.owner().tenantId())
                .append("memberId", job.owner().memberId())
                .append("idempotencyKey", job.idempotencyKey())
                .append("fingerprint", job.fingerprint())
                .append("status", job.status().name())
                .append("rowsTotal", job.rowsTotal())
                .append("rowsRead", job.rowsRead())
                .append("created", job.created())
                .append("duplicates", job.duplicates())
                .append("invalid", job.invalid())
                .append("failure", job.failure())
                .append("holder", job.holder())
                .append("attempt", job.attempt())
                .append("leaseUntil", date(job.leaseUntil()))
                .append("createdAt", date(job.createdAt()))
                .append("updatedAt", date(job.updatedAt()))
                .append("finishedAt", date(job.finishedAt()));
    }

    private static ImportJob toJob(Document d) {
        return new ImportJob(d.getString("_id"), new Member(d.getString("memberId"), d.getString("tenantId")),
                d.getString("idempotencyKey"), d.getString("fingerprint"), ImportJob.Status.valueOf(d.getString("status")),
                d.getInteger("rowsTotal", 0), d.getInteger("rowsRead", 0), d.getInteger("created", 0),
                d.getInteger("duplicates", 0), d.getInteger("invalid", 0), d.getString("failure"), d.getString("holder"),
                d.getInteger("attempt", 1), instant(d.getDate("leaseUntil")), instant(d.getDate("createdAt")),
                instant(d.getDate("updatedAt")), instant(d.getDate("finishedAt")));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
