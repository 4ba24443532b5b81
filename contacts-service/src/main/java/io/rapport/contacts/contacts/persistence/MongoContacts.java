package io.rapport.contacts.contacts.persistence;

import static io.rapport.platform.persistence.MemberScope.owned;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.contacts.contacts.CareerStage;
import io.rapport.contacts.contacts.Contact;
import io.rapport.contacts.contacts.ContactDetails;
import io.rapport.contacts.contacts.ContactQuery;
import io.rapport.contacts.contacts.ContactSource;
import io.rapport.contacts.contacts.ContactStage;
import io.rapport.contacts.contacts.Contacts;
import io.rapport.contacts.contacts.OutreachAttempt;
import io.rapport.contacts.contacts.OutreachChannel;
import io.rapport.contacts.contacts.OutreachStatus;
import io.rapport.contacts.contacts.Touch;
import io.rapport.contacts.contacts.TouchKind;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.AppliedEvents;
import io.rapport.platform.messaging.Outbox;
import io.rapport.platform.persistence.OwnedDocuments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Contacts in MongoDB, one document each (with its outreach log and touches), with the events of
 * each change in the same document's outbox. A unique index over the member's identity keys
 * refuses duplicates even when two requests race.
 */
@Repository
public class MongoContacts implements Contacts {

    static final String COLLECTION = "contacts";
    private static final String IDENTITY_KEYS = "identityKeys";
    private static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final OwnedDocuments<Contact> documents;
    private final Outbox outbox;

    public MongoContacts(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        // The member's contacts in creation order (the default list and its cursor) come with OwnedDocuments.
        this.documents = new OwnedDocuments<>(mongo, COLLECTION, MongoContacts::toContact).readingWithout(Outbox.FIELD);
        this.outbox = outbox;
        var indexes = mongo.indexOps(COLLECTION);
        // Also answers the duplicate check: the member's contacts sharing any of a new contact's identity keys.
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("memberId", Sort.Direction.ASC)
                .on(IDENTITY_KEYS, Sort.Direction.ASC).unique().named("one_contact_per_identity"));
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("memberId", Sort.Direction.ASC)
                .on("nameKey", Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("member_contacts_by_name"));
    }

    @Override
    public void add(Change<Contact> added) {
        Contact contact = added.state();
        refuseDuplicates(contact);
        Document document = outbox.addTo(toDocument(contact), contact.owner(), added.events());
        try {
            mongo.insert(document, COLLECTION);
        } catch (DuplicateKeyException raced) {
            refuseDuplicates(contact);
            throw raced;
        }
        outbox.written();
    }

    @Override
    public List<String> addAll(List<Change<Contact>> added) {
        List<String> refused = new ArrayList<>();
        for (int from = 0; from < added.size(); from += BATCH) {
            List<Change<Contact>> batch = added.subList(from, Math.min(added.size(), from + BATCH));
            List<Document> documents = batch.stream()
                    .map(change -> outbox.addTo(toDocument(change.state()), change.state().owner(), change.events()))
                    .toList();
            try {
                mongo.insert(documents, COLLECTION);
            } catch (DataAccessException raced) {
                // An ordered insert stops at the first refusal: insert the rest one by one.
                for (Document document : documents) {
                    if (mongo.exists(Query.query(where("_id").is(document.getString("_id"))), COLLECTION)) {
                        continue;
                    }
                    try {
                        mongo.insert(document, COLLECTION);
                    } catch (DuplicateKeyException duplicate) {
                        refused.add(document.getString("_id"));
                    }
                }
            }
        }
        outbox.written();
        return refused;
    }

    @Override
    public void update(Contact current, Change<Contact> updated) {
        Contact contact = updated.state();
        if (!contact.identityKeys().equals(current.identityKeys())) {
            refuseDuplicates(contact);
        }
        documents.updateAtVersion(contact.owner(), contact.id(), current.version(),
                outbox.addTo(fullUpdate(contact), contact.owner(), updated.events()), "contact");
        outbox.written();
    }

    @Override
    public boolean applyOnce(String eventId, Change<Contact> updated, long expectedVersion) {
        Contact contact = updated.state();
        Criteria current = owned(contact.owner()).and("_id").is(contact.id()).and("version").is(expectedVersion);
        Update update = AppliedEvents.remember(outbox.addTo(fullUpdate(contact), contact.owner(), updated.events()), eventId);
        long modified = mongo.updateFirst(Query.query(AppliedEvents.notYetApplied(current, eventId)), update, COLLECTION)
                .getModifiedCount();
        if (modified > 0) {
            outbox.written();
            return true;
        }
        boolean alreadyApplied = mongo.exists(Query.query(owned(contact.owner()).and("_id").is(contact.id())
                .and(AppliedEvents.FIELD).is(eventId)), COLLECTION);
        if (alreadyApplied) {
            return false;
        }
        throw new ConflictException("The contact changed while the event was applied.");
    }

    @Override
    public Optional<Contact> findByEmail(Member owner, String email) {
        // one_contact_per_identity: (tenantId, memberId, identityKeys) fixed, one entry read
        return documents.findOne(owner, where(IDENTITY_KEYS).is("email:" + email.toLowerCase(java.util.Locale.ROOT)));
    }

    @Override
    public Optional<Contact> find(Member owner, String id) {
        return documents.find(owner, id);
    }

    @Override
    public List<Contact> list(Member owner, ContactQuery query, ContactQuery.Cursor after, int limit) {
        List<Criteria> all = new ArrayList<>();
        if (query.employer() != null) {
            all.add(where("employerKey").is(query.employer()));
        }
        if (query.stage() != null) {
            all.add(where("stage").is(query.stage().name()));
        }
        if (query.source() != null) {
            all.add(where("source").is(query.source().name()));
        }
        if (query.careerStage() != null) {
            all.add(where("careerStage").is(query.careerStage().name()));
        }
        if (query.tag() != null) {
            all.add(where("tags").is(query.tag()));
        }
        if (query.text() != null) {
            String pattern = literal(query.text());
            all.add(new Criteria().orOperator(where("name").regex(pattern, "i"), where("employer").regex(pattern, "i"),
                    where("role").regex(pattern, "i")));
        }
        Sort sort;
        if (query.sort() == ContactQuery.ContactSort.NAME) {
            sort = Sort.by("nameKey", "_id");
            if (after != null) {
                all.add(new Criteria().orOperator(where("nameKey").gt(after.sortValue()),
                        where("nameKey").is(after.sortValue()).and("_id").gt(after.id())));
            }
        } else {
            sort = Sort.by("_id");
            if (after != null) {
                all.add(where("_id").gt(after.id()));
            }
        }
        return documents.list(owner, all.isEmpty() ? new Criteria() : new Criteria().andOperator(all), sort, limit);
    }

    @Override
    public List<Contact> all(Member owner) {
        return documents.all(owner);
    }

    @Override
    public Map<String, String> identityKeys(Member owner) {
        Query query = Query.query(owned(owner));
        query.fields().include("_id", IDENTITY_KEYS);
        Map<String, String> keys = new HashMap<>();
        for (Document document : mongo.find(query, Document.class, COLLECTION)) {
            for (String key : document.getList(IDENTITY_KEYS, String.class, List.of())) {
                keys.put(key, document.getString("_id"));
            }
        }
        return keys;
    }

    @Override
    public long deleteAll(Member owner) {
        return documents.deleteAll(owner);
    }

    private void refuseDuplicates(Contact contact) {
        Query sameIdentity = Query.query(owned(contact.owner()).and(IDENTITY_KEYS).in(contact.identityKeys())
                .and("_id").ne(contact.id()));
        sameIdentity.fields().include("_id", IDENTITY_KEYS);
        Document existing = mongo.findOne(sameIdentity, Document.class, COLLECTION);
        if (existing != null) {
            List<String> shared = new ArrayList<>(existing.getList(IDENTITY_KEYS, String.class));
            shared.retainAll(contact.identityKeys());
            String why;
            if (shared.stream().anyMatch(key -> key.startsWith("email:"))) {
                why = "A contact with this e-mail already exists.";
            } else if (shared.stream().anyMatch(key -> key.startsWith("linkedin:"))) {
                why = "A contact with this LinkedIn profile already exists.";
            } else if (shared.stream().anyMatch(key -> key.startsWith("referral:"))) {
                why = "This referral was already turned into a contact.";
            } else {
                why = "A contact with this name at this employer already exists.";
            }
            throw new ConflictException(why, Map.of("existingContactId", existing.getString("_id")));
        }
    }

    /** A regular expression matching {@code text} literally, valid on real MongoDB and the embedded server alike. */
    private static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    private static Update fullUpdate(Contact contact) {
        Update update = new Update();
        toDocument(contact).forEach((field, value) -> {
            if (!field.equals("_id") && !field.equals("tenantId") && !field.equals("memberId")) {
                update.set(field, value);
            }
        });
        return update;
    }

    static Document toDocument(Contact contact) {
        ContactDetails details = contact.details();
        return new Document("_id", contact.id())
                .append("tenantId", contact.owner().tenantId())
                .append("memberId", contact.owner().memberId())
                .append("name", details.name())
                .append("nameKey", ContactDetails.fold(details.name()))
                .append("email", details.email())
                .append("phone", details.phone())
                .append("linkedInUrl", details.linkedInUrl())
                .append("employer", details.employer())
                .append("employerKey", details.employer() == null ? null : ContactDetails.fold(details.employer()))
                .append("employerId", details.employerId())
                .append("role", details.role())
                .append("industry", details.industry())
                .append("location", details.location())
                .append("timeZone", details.timeZone())
                .append("careerStage", details.careerStage() == null ? null : details.careerStage().name())
                .append("source", details.source().name())
                .append("referredByContactId", details.referredByContactId())
                .append("mayUseReferrerName", details.mayUseReferrerName())
                .append("hook", details.hook())
                .append("tags", details.tags())
                .append("notes", details.notes())
                .append("stage", contact.stage().name())
                .append("referralId", contact.referralId())
                .append("lastInteractionAt", date(contact.lastInteractionAt()))
                .append("outreach", contact.outreach().stream().map(MongoContacts::toDocument).toList())
                .append("touches", contact.touches().stream().map(touch -> new Document("kind", touch.kind().name())
                        .append("note", touch.note()).append("at", date(touch.at()))).toList())
                .append("createdAt", Date.from(contact.createdAt()))
                .append("updatedAt", Date.from(contact.updatedAt()))
                .append("version", contact.version())
                .append(IDENTITY_KEYS, List.copyOf(contact.identityKeys()));
    }

    private static Document toDocument(OutreachAttempt attempt) {
        return new Document("id", attempt.id())
                .append("channel", attempt.channel().name())
                .append("text", attempt.text())
                .append("sentAt", date(attempt.sentAt()))
                .append("memberTimeZone", attempt.memberTimeZone())
                .append("status", attempt.status().name())
                .append("answeredAt", date(attempt.answeredAt()))
                .append("latencyBusinessDays", attempt.latencyBusinessDays());
    }

    static Contact toContact(Document document) {
        String careerStage = document.getString("careerStage");
        ContactDetails details = new ContactDetails(
                document.getString("name"),
                document.getString("email"),
                document.getString("phone"),
                document.getString("linkedInUrl"),
                document.getString("employer"),
                document.getString("employerId"),
                document.getString("role"),
                document.getString("industry"),
                document.getString("location"),
                document.getString("timeZone"),
                careerStage == null ? null : CareerStage.valueOf(careerStage),
                ContactSource.valueOf(document.getString("source")),
                document.getString("referredByContactId"),
                document.getBoolean("mayUseReferrerName", false),
                document.getString("hook"),
                document.getList("tags", String.class, List.of()),
                document.getString("notes"));
        List<OutreachAttempt> outreach = document.getList("outreach", Document.class, List.of()).stream()
                .map(entry -> new OutreachAttempt(entry.getString("id"), OutreachChannel.valueOf(entry.getString("channel")),
                        entry.getString("text"), instant(entry.getDate("sentAt")), entry.getString("memberTimeZone"),
                        OutreachStatus.valueOf(entry.getString("status")), instant(entry.getDate("answeredAt")),
                        entry.getInteger("latencyBusinessDays")))
                .toList();
        List<Touch> touches = document.getList("touches", Document.class, List.of()).stream()
                .map(entry -> new Touch(TouchKind.valueOf(entry.getString("kind")), entry.getString("note"),
                        instant(entry.getDate("at"))))
                .toList();
        return new Contact(
                document.getString("_id"),
                new Member(document.getString("memberId"), document.getString("tenantId")),
                details,
                ContactStage.valueOf(document.getString("stage")),
                document.getString("referralId"),
                instant(document.getDate("lastInteractionAt")),
                outreach,
                touches,
                document.getDate("createdAt").toInstant(),
                document.getDate("updatedAt").toInstant(),
                ((Number) document.get("version")).longValue());
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
