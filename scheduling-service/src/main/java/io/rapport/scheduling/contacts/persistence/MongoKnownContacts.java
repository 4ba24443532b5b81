package io.rapport.scheduling.contacts.persistence;

import static io.rapport.platform.persistence.MemberScope.owned;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.AppliedEvents;
import io.rapport.platform.persistence.OwnedDocuments;
import io.rapport.scheduling.contacts.KnownContact;
import io.rapport.scheduling.contacts.KnownContacts;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** One document per contact; the event ids applied to it live in the same document. */
@Repository
class MongoKnownContacts implements KnownContacts {

    static final String COLLECTION = "known_contacts";

    private final MongoTemplate mongo;
    private final OwnedDocuments<KnownContact> documents;

    MongoKnownContacts(MongoTemplate mongo) {
        this.mongo = mongo;
        this.documents = new OwnedDocuments<>(mongo, COLLECTION, MongoKnownContacts::toContact);
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("memberId", Sort.Direction.ASC).on("name", Sort.Direction.ASC).named("member_contacts_by_name"));
    }

    @Override
    public boolean apply(String eventId, KnownContact contact) {
        Update update = new Update()
                .set("name", contact.name())
                .set("email", contact.email())
                .set("employer", contact.employer())
                .set("role", contact.role())
                .set("timeZone", contact.timeZone())
                .set("archived", contact.archived())
                .setOnInsert("tenantId", contact.owner().tenantId())
                .setOnInsert("memberId", contact.owner().memberId())
                .inc("revision", 1);
        // The owner is part of the match: an event can never move a contact to another member.
        return AppliedEvents.upsertOnce(mongo, COLLECTION, owned(contact.owner()).and("_id").is(contact.id()), update, eventId);
    }

    @Override
    public boolean archive(String eventId, Member owner, String contactId) {
        return AppliedEvents.updateOnce(mongo, COLLECTION, owned(owner).and("_id").is(contactId),
                new Update().set("archived", true).inc("revision", 1), eventId);
    }

    @Override
    public Optional<KnownContact> find(Member owner, String contactId) {
        return documents.find(owner, contactId);
    }

    @Override
    public List<KnownContact> list(Member owner) {
        return documents.list(owner, new Criteria(), Sort.by("name", "_id"), 0);
    }

    @Override
    public long eraseAll(Member owner) {
        return documents.deleteAll(owner);
    }

    private static KnownContact toContact(Document document) {
        return new KnownContact(document.getString("_id"),
                new Member(document.getString("memberId"), document.getString("tenantId")),
                document.getString("name"), document.getString("email"), document.getString("employer"),
                document.getString("role"), document.getString("timeZone"), document.getBoolean("archived", false));
    }
}
