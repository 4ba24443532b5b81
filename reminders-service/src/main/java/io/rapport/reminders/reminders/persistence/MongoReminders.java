package io.rapport.reminders.reminders.persistence;

import static io.rapport.platform.persistence.MemberScope.owned;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.AppliedEvents;
import io.rapport.platform.messaging.Outbox;
import io.rapport.platform.persistence.OwnedDocuments;
import io.rapport.reminders.reminders.Delivery;
import io.rapport.reminders.reminders.Reminder;
import io.rapport.reminders.reminders.ReminderRule;
import io.rapport.reminders.reminders.ReminderStatus;
import io.rapport.reminders.reminders.Reminders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per reminder. The unique (tenant, member, rule, subject) index is the dedupe key; the
 * delivery lease ({@code leaseOwner}, {@code leaseUntil}) and the ReminderDue outbox live in the same
 * document, so claiming, delivering and publishing each need a single-document write.
 *
 * <p>Every write raises {@code version}. A claim and a delivery are compare-and-swap writes on
 * {@code (_id, version)}: they apply only if nothing (another claimer, a cancellation, a snooze)
 * changed the reminder since it was read. That filter is an exact {@code _id} lookup on MongoDB and on the
 * embedded store alike (the unique {@code (_id, version)} index that once served it is retired).
 */
@Repository
public class MongoReminders implements Reminders {

    public static final String COLLECTION = "reminders";
    private static final Date NO_LEASE = new Date(0);
    private static final String VERSION = "version";
    private static final int CANDIDATES_PER_CLAIM = 4;
    static final String RETIRED_COMPARE_AND_SWAP_INDEX = "compare_and_swap";

    private final MongoTemplate mongo;
    private final OwnedDocuments<Reminder> documents;
    private final Outbox outbox;
    /** Whether this instance's last claim met another claimer (see {@link #claimDue}). */
    private volatile boolean lastClaimRaced;
    private volatile Consumer<Instant> scheduled = dueAt -> { };

    public MongoReminders(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.documents = new OwnedDocuments<>(mongo, COLLECTION, MongoReminders::toReminder)
                .readingWithout(Outbox.FIELD, AppliedEvents.FIELD);
        this.outbox = outbox;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("memberId", Sort.Direction.ASC)
                .on("rule", Sort.Direction.ASC).on("subjectId", Sort.Direction.ASC).unique()
                .named("dedupe_rule_and_subject"));
        dropRetiredIndex(indexes, RETIRED_COMPARE_AND_SWAP_INDEX);
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC)
                .named("due_reminders"));
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("memberId", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC).named("member_inbox"));
        indexes.createIndex(new Index().on("digestPending", Sort.Direction.ASC).sparse().named("digest_pending"));
    }

    /**
     * A unique {@code (_id, version)} index was declared for the compare-and-swap filters while the embedded store
     * answered a query from a unique index only when the query's fields were exactly its keys. It answers them by
     * {@code _id} now, as MongoDB always did, and the index only cost an entry removed and one added at every write
     * (every write raises the version): dropped where an older version created it.
     */
    private static void dropRetiredIndex(IndexOperations indexes, String name) {
        if (indexes.getIndexInfo().stream().anyMatch(index -> index.getName().equals(name))) {
            try {
                indexes.dropIndex(name);
            } catch (DataAccessException droppedByAnotherInstance) {
                // Two instances starting together: one of them drops it.
            }
        }
    }

    /**
     * Told the due time of every reminder this instance schedules, plans anew, restarts or snoozes, once it is stored
     * ({@link Instant#EPOCH} when a reminder is re-opened as it was), so that the delivery, resting until the next due
     * time it knows, wakes for an earlier one.
     */
    public void whenScheduled(Consumer<Instant> listener) {
        this.scheduled = listener;
    }

    private boolean scheduled(boolean stored, Instant dueAt) {
        if (stored) {
            scheduled.accept(dueAt);
        }
        return stored;
    }

    @Override
    public int scheduleAll(List<Reminder> reminders) {
        // One round trip for what one event sets (a held interview sets three reminders), unordered so that each is
        // stored unless its own dedupe key exists, whatever becomes of the others.
        Set<Integer> existed = new HashSet<>();
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION)
                    .insert(reminders.stream().map(MongoReminders::toDocument).toList()).execute();
        } catch (BulkOperationException partly) {
            for (BulkWriteError error : partly.getErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw partly;
                }
                existed.add(error.getIndex());
            }
        }
        for (int i = 0; i < reminders.size(); i++) {
            if (!existed.contains(i)) {
                scheduled(true, reminders.get(i).dueAt());
            }
        }
        return reminders.size() - existed.size();
    }

    @Override
    public boolean plan(String eventId, Reminder reminder) {
        Update update = changed()
                .set("title", reminder.title())
                .set("dueAt", Date.from(reminder.dueAt()))
                .set("overdueAt", date(reminder.overdueAt()))
                .set("status", ReminderStatus.SCHEDULED.name())
                .set("leaseUntil", NO_LEASE)
                .unset("leaseOwner")
                .unset("deliveredAt")
                .set("late", false)
                .setOnInsert("tenantId", reminder.owner().tenantId())
                .setOnInsert("memberId", reminder.owner().memberId())
                .setOnInsert("rule", reminder.rule().name())
                .setOnInsert("subjectId", reminder.subjectId())
                .setOnInsert("contactId", reminder.contactId())
                .setOnInsert("createdAt", new Date());
        return scheduled(AppliedEvents.upsertOnce(mongo, COLLECTION, owned(reminder.owner()).and("_id").is(reminder.id()),
                update, eventId), reminder.dueAt());
    }

    @Override
    public long close(Member owner, Set<ReminderRule> rules, String subjectId, ReminderStatus outcome) {
        return closeWhere(owned(owner).and("subjectId").is(subjectId).and("rule").in(names(rules)), outcome);
    }

    @Override
    public long closeForEmployer(Member owner, Set<ReminderRule> rules, String employerKey, ReminderStatus outcome) {
        return closeWhere(owned(owner).and("employerKey").is(employerKey).and("rule").in(names(rules)), outcome);
    }

    @Override
    public long closeForContact(Member owner, String contactId, ReminderStatus outcome) {
        return closeWhere(owned(owner).and("contactId").is(contactId), outcome);
    }

    private long closeWhere(Criteria criteria, ReminderStatus outcome) {
        return mongo.updateMulti(Query.query(criteria.and("status").in(names(ReminderStatus.OPEN))),
                changed().set("status", outcome.name()).set("leaseUntil", NO_LEASE).unset("leaseOwner")
                        .unset("digestPending"),
                COLLECTION).getModifiedCount();
    }

    @Override
    public boolean keepInTouch(Reminder reminder, Instant touchedAt, boolean startIfAbsent) {
        Criteria olderTouch = owned(reminder.owner()).and("_id").is(reminder.id())
                .orOperator(where("lastTouchAt").lt(Date.from(touchedAt)), where("lastTouchAt").exists(false));
        Update restart = changed()
                .set("title", reminder.title())
                .set("dueAt", Date.from(reminder.dueAt()))
                .set("overdueAt", date(reminder.overdueAt()))
                .set("lastTouchAt", Date.from(touchedAt))
                .set("status", ReminderStatus.SCHEDULED.name())
                .set("leaseUntil", NO_LEASE)
                .unset("leaseOwner")
                .unset("deliveredAt")
                .set("late", false);
        if (!startIfAbsent) {
            // A contact archived since stays quiet.
            Criteria started = olderTouch.and("status").ne(ReminderStatus.CANCELLED.name());
            return scheduled(mongo.updateFirst(Query.query(started), restart, COLLECTION).getModifiedCount() > 0,
                    reminder.dueAt());
        }
        restart.setOnInsert("tenantId", reminder.owner().tenantId())
                .setOnInsert("memberId", reminder.owner().memberId())
                .setOnInsert("rule", reminder.rule().name())
                .setOnInsert("subjectId", reminder.subjectId())
                .setOnInsert("contactId", reminder.contactId())
                .setOnInsert("createdAt", new Date());
        try {
            mongo.upsert(Query.query(olderTouch), restart, COLLECTION);
            return scheduled(true, reminder.dueAt());
        } catch (DuplicateKeyException laterTouchKnown) {
            return false;
        }
    }

    @Override
    public Optional<String> employerOf(Member owner, String contactId) {
        if (contactId == null) {
            return Optional.empty();
        }
        Query query = Query.query(owned(owner).and("contactId").is(contactId).and("employer").ne(null));
        query.fields().include("employer");
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(d -> d.getString("employer"));
    }

    @Override
    public Optional<Reminder> find(Member owner, String id) {
        return documents.find(owner, id);
    }

    @Override
    public List<Reminder> open(Member owner, int limit) {
        return documents.list(owner, where("status").in(names(ReminderStatus.OPEN)), Sort.by("dueAt", "_id"), limit);
    }

    @Override
    public List<Reminder> all(Member owner) {
        return documents.list(owner, new Criteria(), Sort.by("dueAt", "_id"), 0);
    }

    @Override
    public boolean changeStatus(Member owner, String id, Set<ReminderStatus> from, ReminderStatus to) {
        boolean changed = mongo.updateFirst(Query.query(owned(owner).and("_id").is(id).and("status").in(names(from))),
                changed().set("status", to.name()).set("leaseUntil", NO_LEASE).unset("leaseOwner"),
                COLLECTION).getModifiedCount() > 0;
        return to == ReminderStatus.SCHEDULED ? scheduled(changed, Instant.EPOCH) : changed;
    }

    @Override
    public boolean snooze(Member owner, String id, Instant until, Instant overdueAt) {
        return scheduled(mongo.updateFirst(
                Query.query(owned(owner).and("_id").is(id).and("status").in(names(ReminderStatus.OPEN))),
                changed().set("status", ReminderStatus.SCHEDULED.name()).set("dueAt", Date.from(until))
                        .set("overdueAt", date(overdueAt)).set("leaseUntil", NO_LEASE).unset("leaseOwner")
                        .unset("deliveredAt").set("late", false).set("snoozedAt", new Date()),
                COLLECTION).getModifiedCount() > 0, until);
    }

    /**
     * Reads a window of the oldest due reminders, then writes this round's lease on a random share of
     * them in one bulk of compare-and-swap updates: each is atomic on its document, so a reminder
     * goes to exactly one claimer. (One findAndModify per reminder gives the same guarantee at one round trip
     * each: too slow for 100,000 reminders in a minute, see README.)
     *
     * <p>When every claim of the bulk applied, each reminder is exactly as read, with this claim's lease and one
     * version more: nothing is read again. Only when claimers raced (some claims did not apply) does reading back by
     * the round's token tell which ones this claimer won; and only then, for the next round, is the window wider than
     * the batch, so that racing claimers try different random shares of it. One claimer alone read four reminders
     * and then the batch again for each it delivered (JFR on the store while 100,000 fell due).
     */
    @Override
    public List<Reminder> claimDue(Instant now, String claimer, Instant leaseUntil, int limit) {
        Date at = Date.from(now);
        boolean raced = lastClaimRaced;
        Query candidates = Query.query(where("status").is(ReminderStatus.SCHEDULED.name()).and("dueAt").lte(at)
                .and("leaseUntil").lte(at)).with(Sort.by("dueAt")).limit(raced ? limit * CANDIDATES_PER_CLAIM : limit);
        candidates.fields().exclude(Outbox.FIELD, AppliedEvents.FIELD);
        List<Document> found = new ArrayList<>(mongo.find(candidates, Document.class, COLLECTION));
        if (found.isEmpty()) {
            return List.of();
        }
        Collections.shuffle(found);
        List<Document> attempted = found.subList(0, Math.min(limit, found.size()));
        String token = claimer + "#" + UUID.randomUUID();
        BulkOperations claims = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        List<Object> ids = new ArrayList<>(attempted.size());
        for (Document candidate : attempted) {
            ids.add(candidate.get("_id"));
            // Unchanged since the read means still scheduled, due and unleased (or its lease ran out).
            claims.updateOne(Query.query(where("_id").is(candidate.get("_id")).and(VERSION).is(version(candidate))),
                    changed().set("leaseOwner", claimer).set("leaseToken", token).set("leaseUntil", Date.from(leaseUntil)));
        }
        long won = claims.execute().getModifiedCount();
        lastClaimRaced = won < attempted.size();
        if (won == 0) {
            return List.of();
        }
        if (won == attempted.size()) {
            return attempted.stream().map(document -> {
                Reminder read = toReminder(document);
                return read.withVersion(read.version() + 1);
            }).toList();
        }
        Query wonBack = Query.query(where("_id").in(ids));
        wonBack.fields().exclude(Outbox.FIELD, AppliedEvents.FIELD);
        return mongo.find(wonBack, Document.class, COLLECTION).stream()
                .filter(document -> token.equals(document.getString("leaseToken")))
                .map(MongoReminders::toReminder).toList();
    }

    @Override
    public Optional<Instant> nextDueAfter(Instant now) {
        // due_reminders: the first entry after now in the scheduled range
        Query next = Query.query(where("status").is(ReminderStatus.SCHEDULED.name()).and("dueAt").gt(Date.from(now)))
                .with(Sort.by("dueAt")).limit(1);
        next.fields().include("dueAt");
        return Optional.ofNullable(mongo.findOne(next, Document.class, COLLECTION))
                .map(found -> found.getDate("dueAt").toInstant());
    }

    @Override
    public void holdUntil(Reminder claimed, Instant until) {
        mongo.updateFirst(Query.query(where("_id").is(claimed.id()).and(VERSION).is(claimed.version())),
                changed().set("leaseOwner", "quiet-hours").set("leaseUntil", Date.from(until)), COLLECTION);
    }

    @Override
    public void release(String claimer, List<Reminder> claimed) {
        if (claimed.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (Reminder reminder : claimed) {
            // Only the claim this claimer wrote (its version), as in markDelivered.
            bulk.updateOne(Query.query(where("_id").is(reminder.id()).and(VERSION).is(reminder.version())
                            .and("leaseOwner").is(claimer)),
                    changed().set("leaseUntil", NO_LEASE).unset("leaseOwner").unset("leaseToken"));
        }
        bulk.execute();
    }

    @Override
    public long markDelivered(String claimer, List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return 0;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (Delivery delivery : deliveries) {
            Reminder reminder = delivery.reminder();
            Update update = changed()
                    .set("status", ReminderStatus.DELIVERED.name())
                    .set("deliveredAt", Date.from(delivery.deliveredAt()))
                    .set("late", delivery.late())
                    .set("deliveredBy", claimer)
                    .set("leaseUntil", NO_LEASE)
                    .unset("leaseOwner");
            if (delivery.digestPending()) {
                update.set("digestPending", true);
            }
            outbox.addTo(update, reminder.owner(), List.of(delivery.event()));
            // Only the claim this claimer wrote: a lease that ran out and was taken over has another version.
            bulk.updateOne(Query.query(where("_id").is(reminder.id()).and(VERSION).is(reminder.version())), update);
        }
        long marked = bulk.execute().getModifiedCount();
        outbox.written();
        return marked;
    }

    @Override
    public List<Member> membersWithPendingDigest(int limit) {
        Query query = Query.query(where("digestPending").is(true)).limit(limit * 20);
        query.fields().include("tenantId", "memberId");
        Set<Member> members = new LinkedHashSet<>();
        for (Document document : mongo.find(query, Document.class, COLLECTION)) {
            members.add(new Member(document.getString("memberId"), document.getString("tenantId")));
            if (members.size() == limit) {
                break;
            }
        }
        return List.copyOf(members);
    }

    @Override
    public List<Reminder> pendingDigest(Member owner) {
        return documents.list(owner, where("digestPending").is(true), Sort.by("dueAt", "_id"), 0);
    }

    @Override
    public void digestSent(Member owner, List<String> reminderIds) {
        mongo.updateMulti(Query.query(owned(owner).and("_id").in(reminderIds)), changed().unset("digestPending"),
                COLLECTION);
    }

    @Override
    public long erase(Member owner) {
        return documents.deleteAll(owner);
    }

    /** Every change raises the version, so a claim read before it can no longer apply. */
    private static Update changed() {
        return new Update().inc(VERSION, 1);
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Document toDocument(Reminder reminder) {
        return new Document("_id", reminder.id())
                .append("tenantId", reminder.owner().tenantId())
                .append("memberId", reminder.owner().memberId())
                .append("rule", reminder.rule().name())
                .append("subjectId", reminder.subjectId())
                .append("contactId", reminder.contactId())
                .append("employer", reminder.employer())
                .append("employerKey", Reminder.employerKey(reminder.employer()))
                .append("title", reminder.title())
                .append("dueAt", Date.from(reminder.dueAt()))
                .append("overdueAt", date(reminder.overdueAt()))
                .append("status", reminder.status().name())
                .append("late", reminder.late())
                .append("leaseUntil", NO_LEASE)
                .append(VERSION, 0L)
                .append("createdAt", new Date());
    }

    private static Reminder toReminder(Document document) {
        Date deliveredAt = document.getDate("deliveredAt");
        Date overdueAt = document.getDate("overdueAt");
        return new Reminder(
                document.getString("_id"),
                new Member(document.getString("memberId"), document.getString("tenantId")),
                ReminderRule.valueOf(document.getString("rule")),
                document.getString("subjectId"),
                document.getString("contactId"),
                document.getString("employer"),
                document.getString("title"),
                document.getDate("dueAt").toInstant(),
                overdueAt == null ? null : overdueAt.toInstant(),
                ReminderStatus.valueOf(document.getString("status")),
                deliveredAt == null ? null : deliveredAt.toInstant(),
                document.getBoolean("late", false),
                version(document));
    }

    private static long version(Document document) {
        Object version = document.get(VERSION);
        return version == null ? 0 : ((Number) version).longValue();
    }
}
