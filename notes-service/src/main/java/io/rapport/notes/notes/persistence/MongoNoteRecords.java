package io.rapport.notes.notes.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.notes.notes.ActionItem;
import io.rapport.notes.notes.Category;
import io.rapport.notes.notes.Consent;
import io.rapport.notes.notes.Entry;
import io.rapport.notes.notes.HeldInterview;
import io.rapport.notes.notes.NoteRecord;
import io.rapport.notes.notes.NoteRecords;
import io.rapport.notes.notes.Preparation;
import io.rapport.notes.notes.Referral;
import io.rapport.notes.notes.ThankYou;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.AppliedEvents;
import io.rapport.platform.messaging.Outbox;
import io.rapport.platform.persistence.OwnedDocuments;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per (member, interview), with the events of each change in its outbox. The id
 * includes the owner, so one member can never create or claim a record under another member's
 * interview id.
 */
@Repository
public class MongoNoteRecords implements NoteRecords {

    public static final String COLLECTION = "note_records";

    private final MongoTemplate mongo;
    private final OwnedDocuments<NoteRecord> documents;
    private final Outbox outbox;

    public MongoNoteRecords(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.documents = new OwnedDocuments<>(mongo, COLLECTION, MongoNoteRecords::toRecord);
        this.outbox = outbox;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("memberId", Sort.Direction.ASC)
                .on("held.start", Sort.Direction.ASC).named("member_records_by_start"));
    }

    static String key(Member owner, String interviewId) {
        return owner.tenantId() + "/" + owner.memberId() + "/" + interviewId;
    }

    @Override
    public void save(Change<NoteRecord> change, long expectedVersion) {
        NoteRecord record = change.state();
        if (expectedVersion == 0) {
            Document document = contentOf(record)
                    .append("_id", key(record.owner(), record.interviewId()))
                    .append("tenantId", record.owner().tenantId())
                    .append("memberId", record.owner().memberId())
                    .append("interviewId", record.interviewId())
                    .append("version", 1L);
            // A DuplicateKeyException here means InterviewHeld created it meanwhile: the platform answers 409.
            documents.insert(outbox.addTo(document, record.owner(), change.events()));
        } else {
            Update update = new Update().inc("version", 1);
            contentOf(record).forEach(update::set);
            outbox.addTo(update, record.owner(), change.events());
            documents.updateAtVersion(record.owner(), key(record.owner(), record.interviewId()), expectedVersion, update,
                    "note", Map.of("interviewId", record.interviewId()));
        }
        outbox.written();
    }

    @Override
    public boolean markHeld(String eventId, Member owner, String interviewId, HeldInterview interview) {
        Update update = new Update()
                .set("held", new Document("contactId", interview.contactId())
                        .append("start", date(interview.start()))
                        .append("endedAt", date(interview.endedAt()))
                        .append("plannedMinutes", interview.plannedMinutes())
                        .append("actualMinutes", interview.actualMinutes())
                        .append("overran", interview.overran()))
                .setOnInsert("interviewId", interviewId)
                .setOnInsert("consent", Consent.NOT_ASKED.name())
                .setOnInsert("updatedAt", new Date())
                .inc("version", 1);
        return AppliedEvents.upsertOnce(mongo, COLLECTION, owned(owner, interviewId), update, eventId);
    }

    @Override
    public Optional<NoteRecord> find(Member owner, String interviewId) {
        return documents.find(owner, key(owner, interviewId));
    }

    @Override
    public List<NoteRecord> list(Member owner) {
        return documents.list(owner, new Criteria(), Sort.by("held.start", "_id"), 0);
    }

    @Override
    public long eraseMember(Member owner) {
        return documents.deleteAll(owner);
    }

    private static Criteria owned(Member owner, String interviewId) {
        return where("_id").is(key(owner, interviewId)).and("tenantId").is(owner.tenantId())
                .and("memberId").is(owner.memberId());
    }

    /** The fields a member's change may set; {@code held} is only ever set by InterviewHeld. */
    private static Document contentOf(NoteRecord record) {
        Preparation preparation = record.preparation();
        ThankYou thankYou = record.thankYou();
        return new Document()
                .append("contactName", record.contactName())
                .append("employer", record.employer())
                .append("role", record.role())
                .append("consent", record.consent().name())
                .append("permissionToShare", record.permissionToShare())
                .append("preparation", new Document("industry", preparation.industry())
                        .append("organization", preparation.organization()).append("person", preparation.person()))
                .append("entries", record.entries().stream().map(entry -> new Document("id", entry.id())
                        .append("category", entry.category().name()).append("text", entry.text())
                        .append("sensitive", entry.sensitive())).toList())
                .append("takeaways", record.takeaways())
                .append("advice", record.advice())
                .append("actionItems", record.actionItems().stream().map(item -> new Document("id", item.id())
                        .append("text", item.text()).append("dueOn", item.dueOn().toString())
                        .append("createdAt", date(item.createdAt())).append("completedAt", date(item.completedAt())))
                        .toList())
                .append("referrals", record.referrals().stream().map(referral -> new Document("id", referral.id())
                        .append("name", referral.name()).append("employer", referral.employer())
                        .append("role", referral.role()).append("mayUseReferrerName", referral.mayUseReferrerName())
                        .append("recordedAt", date(referral.recordedAt()))).toList())
                .append("thankYou", new Document("editedDraft", thankYou.editedDraft())
                        .append("channel", thankYou.channel()).append("sentAt", date(thankYou.sentAt()))
                        .append("hoursSinceInterview", thankYou.hoursSinceInterview()).append("late", thankYou.late()))
                .append("updatedAt", date(record.updatedAt()));
    }

    private static NoteRecord toRecord(Document document) {
        Document held = document.get("held", Document.class);
        HeldInterview interview = held == null ? null : new HeldInterview(held.getString("contactId"),
                instant(held.getDate("start")), instant(held.getDate("endedAt")), held.getInteger("plannedMinutes", 0),
                held.getInteger("actualMinutes", 0), held.getBoolean("overran", false));
        Document preparation = document.get("preparation", Document.class);
        Document thankYou = document.get("thankYou", Document.class);
        return new NoteRecord(
                document.getString("interviewId"),
                new Member(document.getString("memberId"), document.getString("tenantId")),
                interview,
                document.getString("contactName"),
                document.getString("employer"),
                document.getString("role"),
                Consent.valueOf(document.get("consent", Consent.NOT_ASKED.name())),
                document.getBoolean("permissionToShare", false),
                preparation == null ? Preparation.NONE : new Preparation(preparation.getString("industry"),
                        preparation.getString("organization"), preparation.getString("person")),
                document.getList("entries", Document.class, List.of()).stream().map(entry -> new Entry(
                        entry.getString("id"), Category.valueOf(entry.getString("category")), entry.getString("text"),
                        entry.getBoolean("sensitive", false))).toList(),
                document.getList("takeaways", String.class, List.of()),
                document.getString("advice"),
                document.getList("actionItems", Document.class, List.of()).stream().map(item -> new ActionItem(
                        item.getString("id"), item.getString("text"), LocalDate.parse(item.getString("dueOn")),
                        instant(item.getDate("createdAt")), instant(item.getDate("completedAt")))).toList(),
                document.getList("referrals", Document.class, List.of()).stream().map(referral -> new Referral(
                        referral.getString("id"), referral.getString("name"), referral.getString("employer"),
                        referral.getString("role"), referral.getBoolean("mayUseReferrerName", false),
                        instant(referral.getDate("recordedAt")))).toList(),
                thankYou == null ? ThankYou.NOT_SENT : new ThankYou(thankYou.getString("editedDraft"),
                        thankYou.getString("channel"), instant(thankYou.getDate("sentAt")),
                        thankYou.getInteger("hoursSinceInterview", 0), thankYou.getBoolean("late", false)),
                instant(document.getDate("updatedAt")),
                ((Number) document.get("version")).longValue());
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
