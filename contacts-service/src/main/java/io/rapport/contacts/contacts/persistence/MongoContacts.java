package io.rapport.contacts.contacts.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.contacts.contacts.Contact;
import io.rapport.contacts.contacts.ContactDetails;
import io.rapport.contacts.contacts.ContactSource;
import io.rapport.contacts.contacts.ContactStage;
import io.rapport.contacts.contacts.Contacts;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.Outbox;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Contacts in MongoDB, one document each, with the events of each change in the same document's
 * outbox. A unique index over the member's identity keys refuses duplicates even when two
 * requests race.
 */
@Repository
public class MongoContacts implements Contacts {

    static final String COLLECTION = "contacts";
    private static final String IDENTITY_KEYS = "identityKeys";

    private final MongoTemplate mongo;
    private final Outbox outbox;

    public MongoContacts(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("memberId", Sort.Direction.ASC)
                .on(IDENTITY_KEYS, Sort.Direction.ASC).unique().named("one_contact_per_identity"));
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("memberId", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC).named("member_contacts_in_order"));
        indexes.createIndex(new Index().on(Outbox.PENDING_SINCE, Sort.Direction.ASC).sparse().named("outbox_pending"));
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
    public void update(Change<Contact> updated, long expectedVersion) {
        Contact contact = updated.state();
        refuseDuplicates(contact);
        ContactDetails details = contact.details();
        Update update = new Update()
                .set("name", details.name())
                .set("email", details.email())
                .set("employer", details.employer())
                .set("role", details.role())
                .set("source", details.source().name())
                .set("timeZone", details.timeZone())
                .set("stage", contact.stage().name())
                .set("updatedAt", Date.from(contact.updatedAt()))
                .set("version", contact.version())
                .set(IDENTITY_KEYS, List.copyOf(details.identityKeys()));
        long modified = mongo.updateFirst(
                Query.query(owned(contact.owner()).and("_id").is(contact.id()).and("version").is(expectedVersion)),
                outbox.addTo(update, contact.owner(), updated.events()), COLLECTION).getModifiedCount();
        if (modified == 0) {
            throw new ConflictException("The contact changed since it was read. Read it again and repeat your change.");
        }
        outbox.written();
    }

    @Override
    public Optional<Contact> find(Member owner, String id) {
        return Optional.ofNullable(mongo.findOne(Query.query(owned(owner).and("_id").is(id)), Document.class, COLLECTION))
                .map(MongoContacts::toContact);
    }

    @Override
    public List<Contact> list(Member owner, String after, int limit) {
        Criteria criteria = owned(owner);
        if (after != null) {
            criteria = criteria.and("_id").gt(after);
        }
        Query query = Query.query(criteria).with(Sort.by("_id")).limit(limit);
        query.fields().exclude(Outbox.FIELD);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoContacts::toContact).toList();
    }

    private void refuseDuplicates(Contact contact) {
        Query sameIdentity = Query.query(owned(contact.owner()).and(IDENTITY_KEYS).in(contact.details().identityKeys())
                .and("_id").ne(contact.id()));
        sameIdentity.fields().include("_id", IDENTITY_KEYS);
        Document existing = mongo.findOne(sameIdentity, Document.class, COLLECTION);
        if (existing != null) {
            List<String> shared = new ArrayList<>(existing.getList(IDENTITY_KEYS, String.class));
            shared.retainAll(contact.details().identityKeys());
            String why = shared.stream().anyMatch(key -> key.startsWith("email:"))
                    ? "A contact with this e-mail already exists."
                    : "A contact with this name at this employer already exists.";
            throw new ConflictException(why, Map.of("existingContactId", existing.getString("_id")));
        }
    }

    private static Criteria owned(Member owner) {
        return where("tenantId").is(owner.tenantId()).and("memberId").is(owner.memberId());
    }

    private static Document toDocument(Contact contact) {
        ContactDetails details = contact.details();
        return new Document("_id", contact.id())
                .append("tenantId", contact.owner().tenantId())
                .append("memberId", contact.owner().memberId())
                .append("name", details.name())
                .append("email", details.email())
                .append("employer", details.employer())
                .append("role", details.role())
                .append("source", details.source().name())
                .append("timeZone", details.timeZone())
                .append("stage", contact.stage().name())
                .append("createdAt", Date.from(contact.createdAt()))
                .append("updatedAt", Date.from(contact.updatedAt()))
                .append("version", contact.version())
                .append(IDENTITY_KEYS, List.copyOf(details.identityKeys()));
    }

    private static Contact toContact(Document document) {
        ContactDetails details = new ContactDetails(
                document.getString("name"),
                document.getString("email"),
                document.getString("employer"),
                document.getString("role"),
                ContactSource.valueOf(document.getString("source")),
                document.getString("timeZone"));
        return new Contact(
                document.getString("_id"),
                new Member(document.getString("memberId"), document.getString("tenantId")),
                details,
                ContactStage.valueOf(document.getString("stage")),
                document.getDate("createdAt").toInstant(),
                document.getDate("updatedAt").toInstant(),
                ((Number) document.get("version")).longValue());
    }
}
