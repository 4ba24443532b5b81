package io.rapport.scheduling.interviews.persistence;

import static io.rapport.platform.persistence.MemberScope.owned;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.Outbox;
import io.rapport.platform.persistence.OwnedDocuments;
import io.rapport.scheduling.interviews.FormatKind;
import io.rapport.scheduling.interviews.Interview;
import io.rapport.scheduling.interviews.InterviewFormat;
import io.rapport.scheduling.interviews.InterviewStatus;
import io.rapport.scheduling.interviews.Interviews;
import io.rapport.scheduling.interviews.PlannedQuestion;
import io.rapport.scheduling.interviews.Slot;
import io.rapport.scheduling.interviews.VideoPlatform;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Interviews in MongoDB, one document each, with the events of each change in the same document's
 * outbox. The agreed slot is also kept as {@code slotStart}/{@code slotEnd} so clashes and the
 * agenda are range queries on one index.
 */
@Repository
class MongoInterviews implements Interviews {

    static final String COLLECTION = "interviews";
    /** Set while the interview's copy in the member's calendar is to be written: when it is due. */
    static final String CALENDAR_DUE = "calendarCopyDue";
    private static final List<String> BOOKED = List.of(InterviewStatus.SCHEDULED.name(), InterviewStatus.CONFIRMED.name());

    private final OwnedDocuments<Interview> documents;
    private final Outbox outbox;
    private final MongoTemplate mongo;

    MongoInterviews(MongoTemplate mongo, Outbox outbox) {
        this.documents = new OwnedDocuments<>(mongo, COLLECTION, MongoInterviews::toInterview)
                .readingWithout(Outbox.FIELD);
        this.outbox = outbox;
        // Clashes and the agenda: the member's interviews by start.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("memberId", Sort.Direction.ASC).on("slotStart", Sort.Direction.ASC).named("member_interviews_by_slot"));
        // The calendar copies due: sparse, so it holds only the interviews waiting for their copy (like the outbox's).
        mongo.indexOps(COLLECTION).createIndex(new Index().on(CALENDAR_DUE, Sort.Direction.ASC).sparse()
                .named("calendar_copies_due"));
        this.mongo = mongo;
    }

    @Override
    public void add(Change<Interview> proposed) {
        Interview interview = proposed.state();
        documents.insert(outbox.addTo(toDocument(interview), interview.owner(), proposed.events()));
        outbox.written();
    }

    @Override
    public void update(Change<Interview> changed, long expectedVersion) {
        Interview interview = changed.state();
        Update update = new Update();
        toDocument(interview).forEach((field, value) -> {
            if (!field.equals("_id") && !field.equals("tenantId") && !field.equals("memberId")) {
                update.set(field, value);
            }
        });
        documents.updateAtVersion(interview.owner(), interview.id(), expectedVersion,
                outbox.addTo(markCalendarCopy(update, changed), interview.owner(), changed.events()), "interview",
                Map.of("interviewId", interview.id()));
        if (!changed.events().isEmpty()) {
            outbox.written();
        }
    }

    /**
     * A change of an agreed interview (scheduled, moved, confirmed, cancelled, held) makes its calendar copy due in
     * the same write, so a copy can be late but never lost; members without a calendar cost one lookup each.
     */
    private static Update markCalendarCopy(Update update, Change<Interview> changed) {
        if (changed.state().slot() != null && !changed.events().isEmpty()) {
            update.set(CALENDAR_DUE, Date.from(changed.state().updatedAt()));
        }
        return update;
    }

    @Override
    public List<Interview> calendarCopiesDue(Instant now, int limit) {
        Query due = Query.query(where(CALENDAR_DUE).lte(Date.from(now))).with(Sort.by(CALENDAR_DUE)).limit(limit);
        due.fields().exclude(Outbox.FIELD);
        return mongo.find(due, Document.class, COLLECTION).stream().map(MongoInterviews::toInterview).toList();
    }

    @Override
    public void calendarCopyWritten(Interview asWritten) {
        mongo.updateFirst(atVersion(asWritten), new Update().unset(CALENDAR_DUE), COLLECTION);
    }

    @Override
    public void calendarCopyRetry(Interview asTried, Instant retryAt) {
        mongo.updateFirst(atVersion(asTried), new Update().set(CALENDAR_DUE, Date.from(retryAt)), COLLECTION);
    }

    /** A later change raised the version and marked the copy due again: that mark stays. */
    private static Query atVersion(Interview interview) {
        return Query.query(owned(interview.owner()).and("_id").is(interview.id()).and("version").is(interview.version()));
    }

    @Override
    public long calendarCopiesWanted(Member owner, Instant from) {
        return mongo.updateMulti(Query.query(owned(owner).and("slotStart").gte(Date.from(from)).and("status").in(BOOKED)),
                new Update().set(CALENDAR_DUE, Date.from(from)), COLLECTION).getModifiedCount();
    }

    @Override
    public Optional<Interview> find(Member owner, String id) {
        return documents.find(owner, id);
    }

    @Override
    public Optional<Interview> bookedClashing(Member owner, Slot slot, Duration buffer, String exceptId) {
        Criteria criteria = where("status").in(BOOKED)
                .and("slotStart").lt(Date.from(slot.end().plus(buffer)))
                .and("slotEnd").gt(Date.from(slot.start().minus(buffer)));
        if (exceptId != null) {
            criteria = criteria.and("_id").ne(exceptId);
        }
        return documents.list(owner, criteria, Sort.by("slotStart"), 1).stream().findFirst();
    }

    @Override
    public List<Interview> agreedBetween(Member owner, Instant from, Instant to, int limit) {
        return documents.list(owner, where("slotStart").gte(Date.from(from)).lt(Date.from(to)),
                Sort.by("slotStart", "_id"), limit);
    }

    @Override
    public List<Interview> list(Member owner, int limit) {
        return documents.list(owner, new Criteria(), Sort.by(Sort.Direction.DESC, "_id"), limit);
    }

    @Override
    public long eraseAll(Member owner) {
        return documents.deleteAll(owner);
    }

    private static Document toDocument(Interview interview) {
        InterviewFormat format = interview.format();
        Slot slot = interview.slot();
        return new Document("_id", interview.id())
                .append("tenantId", interview.owner().tenantId())
                .append("memberId", interview.owner().memberId())
                .append("contactId", interview.contactId())
                .append("contactName", interview.contactName())
                .append("objective", interview.objective())
                .append("proposedSlots", interview.proposedSlots().stream().map(MongoInterviews::slot).toList())
                .append("slotStart", slot == null ? null : Date.from(slot.start()))
                .append("slotEnd", slot == null ? null : Date.from(slot.end()))
                .append("slotMinutes", slot == null ? null : slot.minutes())
                .append("format", new Document("kind", format.kind().name())
                        .append("address", format.address())
                        .append("phone", format.phone())
                        .append("platform", format.platform() == null ? null : format.platform().name())
                        .append("link", format.link()))
                .append("memberTimeZone", interview.memberTimeZone().getId())
                .append("contactTimeZone", interview.contactTimeZone().getId())
                .append("contactTimeZoneAssumed", interview.contactTimeZoneAssumed())
                .append("status", interview.status().name())
                .append("cancelReason", interview.cancelReason())
                .append("sequence", interview.sequence())
                .append("actualMinutes", interview.actualMinutes())
                .append("endedAt", interview.endedAt() == null ? null : Date.from(interview.endedAt()))
                .append("questionPlan", interview.questionPlan().stream().map(q -> new Document("questionId", q.questionId())
                        .append("text", q.text()).append("category", q.category()).append("minutes", q.minutes())
                        .append("sendInAdvance", q.sendInAdvance())).toList())
                .append("createdAt", Date.from(interview.createdAt()))
                .append("updatedAt", Date.from(interview.updatedAt()))
                .append("version", interview.version());
    }

    private static Document slot(Slot slot) {
        return new Document("start", Date.from(slot.start())).append("minutes", slot.minutes());
    }

    private static Interview toInterview(Document d) {
        Document format = d.get("format", Document.class);
        String platform = format.getString("platform");
        Date slotStart = d.getDate("slotStart");
        Date endedAt = d.getDate("endedAt");
        return new Interview(
                d.getString("_id"),
                new Member(d.getString("memberId"), d.getString("tenantId")),
                d.getString("contactId"),
                d.getString("contactName"),
                d.getString("objective"),
                d.getList("proposedSlots", Document.class).stream()
                        .map(s -> new Slot(s.getDate("start").toInstant(), s.getInteger("minutes"))).toList(),
                slotStart == null ? null : new Slot(slotStart.toInstant(), d.getInteger("slotMinutes")),
                new InterviewFormat(FormatKind.valueOf(format.getString("kind")), format.getString("address"),
                        format.getString("phone"), platform == null ? null : VideoPlatform.valueOf(platform),
                        format.getString("link")),
                ZoneId.of(d.getString("memberTimeZone")),
                ZoneId.of(d.getString("contactTimeZone")),
                d.getBoolean("contactTimeZoneAssumed", false),
                InterviewStatus.valueOf(d.getString("status")),
                d.getString("cancelReason"),
                d.getInteger("sequence", 0),
                d.getInteger("actualMinutes"),
                endedAt == null ? null : endedAt.toInstant(),
                d.getList("questionPlan", Document.class, List.of()).stream()
                        .map(q -> new PlannedQuestion(q.getString("questionId"), q.getString("text"),
                                q.getString("category"), q.getInteger("minutes"), q.getBoolean("sendInAdvance", false)))
                        .toList(),
                d.getDate("createdAt").toInstant(),
                d.getDate("updatedAt").toInstant(),
                ((Number) d.get("version")).longValue());
    }
}
