package io.rapport.insights.activity.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.insights.activity.ActivityStore;
import io.rapport.insights.activity.Effect;
import io.rapport.insights.activity.Effect.Counter;
import io.rapport.insights.activity.MemberActivity;
import io.rapport.insights.activity.SharedNotes;
import io.rapport.insights.activity.SharedSynthesis;
import io.rapport.insights.activity.Weeks;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.AppliedEvents;
import io.rapport.platform.persistence.MemberScope;
import io.rapport.platform.persistence.OwnedDocuments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per member ({@code _id} tenant/member) holding the funnel to date and per week, the latencies, the
 * waiting outreach and the owed thank-yous; each event's effects and its id are one upsert. The member's contacts
 * are a member-owned collection of their own.
 */
@Repository
public class MongoActivity implements ActivityStore {

    public static final String COLLECTION = "member_activity";
    public static final String CONTACTS = "activity_contacts";
    /** One per member, apart from member_activity: the tenant's figures read every member's activity, never this. */
    public static final String SYNTHESES = "member_syntheses";
    public static final String NOTES = "activity_notes";

    private final MongoTemplate mongo;
    private OwnedDocuments<KnownContact> contacts;
    private OwnedDocuments<SharedNotes> notes;

    public MongoActivity(MongoTemplate mongo) {
        this.mongo = mongo;
        declareIndexes();
    }

    private void declareIndexes() {
        // A tenant's members, for its figures: {tenantId} (the figures are recomputed from the read models).
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("memberId", Sort.Direction.ASC).named("tenant_members"));
        contacts = new OwnedDocuments<>(mongo, CONTACTS, MongoActivity::toContact);
        notes = new OwnedDocuments<>(mongo, NOTES, MongoActivity::toNotes);
    }

    @Override
    public boolean apply(Member member, String eventId, Instant time, List<Effect> effects, boolean memberActivity) {
        String week = "weeks." + Weeks.of(time);
        Update update = new Update()
                .setOnInsert("tenantId", member.tenantId())
                .setOnInsert("memberId", member.memberId());
        if (memberActivity) {
            update.max("lastActivityAt", Date.from(time)).set(week + ".active", true);
        }
        for (Effect effect : effects) {
            switch (effect) {
                case Effect.Count count -> {
                    update.inc("totals." + count.counter().name(), 1);
                    update.inc(week + ".counts." + count.counter().name(), 1);
                }
                case Effect.ReplyLatency latency -> {
                    update.inc("latencies." + latency.businessDays(), 1);
                    update.inc(week + ".latencies." + latency.businessDays(), 1);
                }
                case Effect.IndustryApproached approached -> {
                    String key = approached.industry().key();
                    update.inc("industries." + key, 1);
                    update.inc(week + ".industries." + key, 1);
                    update.set("industryNames." + key, approached.industry().name());
                }
                case Effect.Target target -> update.addToSet("targets", target.employer().trim().toLowerCase(Locale.ROOT));
                case Effect.OutreachOpened opened -> {
                    String waiting = "waiting." + key(opened.contactId());
                    update.set(waiting + ".contactId", opened.contactId())
                            .set(waiting + ".employer", opened.employer())
                            .set(waiting + ".zone", opened.timeZone())
                            .min(waiting + ".sentAt", Date.from(opened.sentAt()))
                            .inc(waiting + ".sends", 1);
                }
                case Effect.FollowedUp followedUp ->
                        update.max("waiting." + key(followedUp.contactId()) + ".lastTouchAt", Date.from(followedUp.at()));
                case Effect.Answered answered -> update.unset("waiting." + key(answered.contactId()));
                case Effect.InterviewHeld held -> update.set("owed." + key(held.interviewId()),
                        new Document("interviewId", held.interviewId()).append("endedAt", Date.from(held.endedAt())));
                case Effect.Thanked thanked -> {
                    update.set("thanked." + key(thanked.interviewId()), true);
                    update.unset("owed." + key(thanked.interviewId()));
                }
                case Effect.Synthesis synthesis -> update.set("synthesis",
                        new Document("interviews", synthesis.interviewCount()).append("themes", synthesis.themeCount()));
                case Effect.ContactKnown known -> { }
                case Effect.NotesShared shared -> { }
                case Effect.ContactStage stage -> { }
            }
        }
        boolean applied = AppliedEvents.upsertOnce(mongo, COLLECTION, where("_id").is(id(member)), update, eventId);
        if (applied) {
            for (Effect effect : effects) {
                if (effect instanceof Effect.ContactKnown known) {
                    upsertContact(member, known);
                } else if (effect instanceof Effect.NotesShared shared) {
                    saveNotes(member, shared.notes());
                } else if (effect instanceof Effect.Synthesis synthesis && synthesis.shared() != null) {
                    saveSynthesis(member, synthesis.shared());
                } else if (effect instanceof Effect.ContactStage stage) {
                    mongo.updateFirst(Query.query(where("_id").is(contactId(member, stage.contactId()))),
                            new Update().set("stage", stage.stage()), CONTACTS);
                }
            }
        }
        return applied;
    }

    private void upsertContact(Member member, Effect.ContactKnown known) {
        Update update = new Update().setOnInsert("tenantId", member.tenantId()).setOnInsert("memberId", member.memberId())
                .set("contactId", known.contactId()).set("name", known.name()).set("employer", known.employer())
                .set("role", known.role()).set("stage", known.stage());
        Query query = Query.query(where("_id").is(contactId(member, known.contactId())));
        try {
            mongo.upsert(query, update, CONTACTS);
        } catch (DuplicateKeyException raced) {
            mongo.updateFirst(query, update, CONTACTS);
        }
    }

    private void saveNotes(Member member, SharedNotes shared) {
        Document document = new Document("_id", id(member) + "/" + key(shared.interviewId()))
                .append("tenantId", member.tenantId()).append("memberId", member.memberId())
                .append("interviewId", shared.interviewId()).append("contactId", shared.contactId())
                .append("recordedAt", shared.recordedAt() == null ? null : Date.from(shared.recordedAt()))
                .append("entries", shared.entries().stream()
                        .map(entry -> new Document("category", entry.category()).append("text", entry.text())).toList())
                .append("takeaways", shared.takeaways()).append("advice", shared.advice());
        mongo.save(document, NOTES);
    }

    private static SharedNotes toNotes(Document document) {
        Date recordedAt = document.getDate("recordedAt");
        return new SharedNotes(document.getString("interviewId"), document.getString("contactId"),
                recordedAt == null ? null : recordedAt.toInstant(),
                document.getList("entries", Document.class, List.of()).stream()
                        .map(entry -> new SharedNotes.Entry(entry.getString("category"), entry.getString("text"))).toList(),
                document.getList("takeaways", String.class, List.of()), document.getString("advice"));
    }

    @Override
    public List<SharedNotes> notes(Member member, int limit) {
        return notes.list(member, new Criteria(),
                Sort.by(Sort.Direction.DESC, "recordedAt"), limit);
    }

    private void saveSynthesis(Member member, SharedSynthesis shared) {
        Document document = new Document("_id", id(member)).append("tenantId", member.tenantId())
                .append("memberId", member.memberId()).append("interviews", shared.interviews())
                .append("themes", themeDocuments(shared.themes())).append("skillGaps", themeDocuments(shared.skillGaps()));
        mongo.save(document, SYNTHESES);
    }

    private static List<Document> themeDocuments(List<SharedSynthesis.Theme> themes) {
        return themes.stream().map(theme -> new Document("category", theme.category()).append("label", theme.label())
                .append("interviews", theme.interviews()).append("singlePerspective", theme.singlePerspective())).toList();
    }

    private static List<SharedSynthesis.Theme> themes(Document document, String field) {
        return document.getList(field, Document.class, List.of()).stream()
                .map(theme -> new SharedSynthesis.Theme(theme.getString("category"), theme.getString("label"),
                        theme.getInteger("interviews", 0), theme.getBoolean("singlePerspective", false)))
                .toList();
    }

    @Override
    public Optional<SharedSynthesis> synthesis(Member member) {
        return Optional.ofNullable(mongo.findById(id(member), Document.class, SYNTHESES))
                .map(document -> new SharedSynthesis(document.getInteger("interviews", 0), themes(document, "themes"),
                        themes(document, "skillGaps")));
    }

    @Override
    public Optional<MemberActivity> find(Member member) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("_id").is(id(member))), Document.class, COLLECTION))
                .map(MongoActivity::toActivity);
    }

    @Override
    public List<MemberActivity> tenant(String tenantId) {
        return mongo.find(Query.query(where("tenantId").is(tenantId)), Document.class, COLLECTION).stream()
                .map(MongoActivity::toActivity).toList();
    }

    @Override
    public List<KnownContact> contacts(Member member) {
        return contacts.all(member);
    }

    @Override
    public void erase(Member member) {
        mongo.remove(Query.query(where("_id").is(id(member))), COLLECTION);
        mongo.remove(Query.query(where("_id").is(id(member))), SYNTHESES);
        mongo.remove(Query.query(MemberScope.owned(member)), CONTACTS);
        mongo.remove(Query.query(MemberScope.owned(member)), NOTES);
    }

    @Override
    public void reset() {
        mongo.dropCollection(COLLECTION);
        mongo.dropCollection(CONTACTS);
        mongo.dropCollection(SYNTHESES);
        mongo.dropCollection(NOTES);
        declareIndexes();
    }

    static String id(Member member) {
        return member.tenantId() + "/" + member.memberId();
    }

    private static String contactId(Member member, String contactId) {
        return id(member) + "/" + contactId;
    }

    /** Ids become field names: no dots or dollars there, whatever an event carries. */
    private static String key(String id) {
        return id == null ? "_" : id.replace('.', '_').replace('$', '_');
    }

    private static KnownContact toContact(Document document) {
        return new KnownContact(document.getString("contactId"), document.getString("name"),
                document.getString("employer"), document.getString("role"), document.getString("stage"));
    }

    @SuppressWarnings("unchecked")
    static MemberActivity toActivity(Document document) {
        Member member = new Member(document.getString("memberId"), document.getString("tenantId"));
        List<String> targets = document.getList("targets", String.class, List.of());
        Map<String, MemberActivity.Week> weeks = new TreeMap<>();
        Document weekDocs = document.get("weeks", Document.class);
        if (weekDocs != null) {
            weekDocs.forEach((week, value) -> {
                Document weekDoc = (Document) value;
                weeks.put(week, new MemberActivity.Week(counters(weekDoc.get("counts", Document.class)),
                        latencies(weekDoc.get("latencies", Document.class)), industries(weekDoc.get("industries", Document.class))));
            });
        }
        Set<String> thanked = new HashSet<>();
        Document thankedDoc = document.get("thanked", Document.class);
        if (thankedDoc != null) {
            thanked.addAll(thankedDoc.keySet());
        }
        List<MemberActivity.WaitingOutreach> waiting = new ArrayList<>();
        Document waitingDoc = document.get("waiting", Document.class);
        if (waitingDoc != null) {
            waitingDoc.forEach((contact, value) -> {
                Document entry = (Document) value;
                Date sentAt = entry.getDate("sentAt");
                if (sentAt != null) {
                    Date touched = entry.getDate("lastTouchAt");
                    waiting.add(new MemberActivity.WaitingOutreach(entry.getString("contactId"), entry.getString("employer"),
                            sentAt.toInstant(), entry.getString("zone"), entry.getInteger("sends", 1),
                            touched == null ? null : touched.toInstant()));
                }
            });
        }
        List<MemberActivity.OwedThanks> owed = new ArrayList<>();
        Document owedDoc = document.get("owed", Document.class);
        if (owedDoc != null) {
            owedDoc.forEach((interview, value) -> {
                if (!thanked.contains(interview)) {
                    Document entry = (Document) value;
                    owed.add(new MemberActivity.OwedThanks(entry.getString("interviewId"), entry.getDate("endedAt").toInstant()));
                }
            });
        }
        // In a stable order: events of different topics may be applied in another order on a replay.
        waiting.sort(java.util.Comparator.comparing(MemberActivity.WaitingOutreach::contactId));
        owed.sort(java.util.Comparator.comparing(MemberActivity.OwedThanks::interviewId));
        Date last = document.getDate("lastActivityAt");
        Document synthesis = document.get("synthesis", Document.class);
        return new MemberActivity(member, targets.size(), counters(document.get("totals", Document.class)),
                latencies(document.get("latencies", Document.class)), weeks, waiting, owed,
                last == null ? null : last.toInstant(),
                synthesis == null ? 0 : synthesis.getInteger("interviews", 0),
                synthesis == null ? 0 : synthesis.getInteger("themes", 0),
                industries(document.get("industries", Document.class)), industryNames(document.get("industryNames", Document.class)));
    }

    private static Map<String, Integer> industries(Document document) {
        Map<String, Integer> industries = new TreeMap<>();
        if (document != null) {
            document.forEach((key, count) -> {
                if (count instanceof Number number) {
                    industries.put(key, number.intValue());
                }
            });
        }
        return industries;
    }

    private static Map<String, String> industryNames(Document document) {
        Map<String, String> names = new TreeMap<>();
        if (document != null) {
            document.forEach((key, name) -> names.put(key, String.valueOf(name)));
        }
        return names;
    }

    private static Map<Counter, Integer> counters(Document document) {
        Map<Counter, Integer> counters = new EnumMap<>(Counter.class);
        if (document != null) {
            for (Counter counter : Counter.values()) {
                Object value = document.get(counter.name());
                if (value instanceof Number number) {
                    counters.put(counter, number.intValue());
                }
            }
        }
        return counters;
    }

    private static Map<Integer, Integer> latencies(Document document) {
        Map<Integer, Integer> latencies = new LinkedHashMap<>();
        if (document != null) {
            document.forEach((days, count) -> latencies.put(Integer.parseInt(days), ((Number) count).intValue()));
        }
        return latencies;
    }
}
