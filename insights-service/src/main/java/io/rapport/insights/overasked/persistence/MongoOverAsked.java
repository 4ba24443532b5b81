package io.rapport.insights.overasked.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.insights.overasked.OverAskedStore;
import io.rapport.platform.domain.Member;
import io.rapport.platform.persistence.MemberScope;
import io.rapport.platform.persistence.OwnedDocuments;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Members' contacts' fingerprints ({@code _id} tenant/member/contact), approaches ({@code _id}
 * tenant/fingerprint/member, the latest time kept) and each tenant's fingerprint key ({@code _id} tenant), which a
 * rebuild keeps.
 */
@Repository
public class MongoOverAsked implements OverAskedStore {

    static final String CONTACTS = "contact_fingerprints";
    static final String APPROACHES = "approaches";
    static final String KEYS = "tenant_keys";

    private final MongoTemplate mongo;
    private final SecureRandom random = new SecureRandom();
    /** A tenant's key never changes once made: read once per tenant, not once per contact event. */
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    public MongoOverAsked(MongoTemplate mongo) {
        this.mongo = mongo;
        declareIndexes();
    }

    private void declareIndexes() {
        new OwnedDocuments<>(mongo, CONTACTS, document -> document);
        new OwnedDocuments<>(mongo, APPROACHES, document -> document);
        // The tenant's recent approaches (the admins' signal): {tenantId, at: {$gte}}.
        mongo.indexOps(APPROACHES).createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("at", Sort.Direction.ASC)
                .named("tenant_recent_approaches"));
        // One person's recent approaches (a member's note): {tenantId, fingerprint, at: {$gte}}.
        mongo.indexOps(APPROACHES).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("fingerprint", Sort.Direction.ASC).on("at", Sort.Direction.ASC).named("person_recent_approaches"));
    }

    @Override
    public byte[] tenantKey(String tenantId) {
        return keys.computeIfAbsent(tenantId, this::storedKey);
    }

    private byte[] storedKey(String tenantId) {
        Document existing = mongo.findOne(Query.query(where("_id").is(tenantId)), Document.class, KEYS);
        if (existing == null) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            try {
                mongo.insert(new Document("_id", tenantId).append("key", new Binary(key)), KEYS);
                return key;
            } catch (DuplicateKeyException raced) {
                existing = mongo.findOne(Query.query(where("_id").is(tenantId)), Document.class, KEYS);
            }
        }
        return existing.get("key", Binary.class).getData();
    }

    @Override
    public void rememberContact(Member member, String contactId, List<String> fingerprints, String name, String employer) {
        upsert(CONTACTS, member.tenantId() + "/" + member.memberId() + "/" + contactId, new Update()
                .setOnInsert("tenantId", member.tenantId()).setOnInsert("memberId", member.memberId())
                .set("fingerprints", fingerprints).unset("fingerprint").set("name", name).set("employer", employer));
    }

    @Override
    public Optional<KnownContact> contact(Member member, String contactId) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("_id").is(member.tenantId() + "/" + member.memberId()
                + "/" + contactId)), Document.class, CONTACTS)).map(document -> new KnownContact(
                fingerprints(document), document.getString("name"), document.getString("employer")));
    }

    @Override
    public void recordApproach(Member member, List<String> fingerprints, String name, String employer,
            java.time.Instant at) {
        for (String fingerprint : fingerprints) {
            upsert(APPROACHES, member.tenantId() + "/" + fingerprint + "/" + member.memberId(), new Update()
                    .setOnInsert("tenantId", member.tenantId()).setOnInsert("memberId", member.memberId())
                    .setOnInsert("fingerprint", fingerprint).addToSet("linked").each(fingerprints.toArray())
                    .set("name", name).set("employer", employer).max("at", Date.from(at)));
        }
    }

    @Override
    public List<Approach> approachesSince(String tenantId, java.time.Instant since) {
        return approaches(Query.query(where("tenantId").is(tenantId).and("at").gte(Date.from(since))));
    }

    @Override
    public List<Approach> approachesOf(String tenantId, Collection<String> fingerprints, java.time.Instant since) {
        return approaches(Query.query(where("tenantId").is(tenantId).and("fingerprint").in(fingerprints)
                .and("at").gte(Date.from(since))));
    }

    private List<Approach> approaches(Query query) {
        return mongo.find(query, Document.class, APPROACHES).stream().map(d -> new Approach(d.getString("fingerprint"),
                linked(d), d.getString("memberId"), d.getDate("at").toInstant(), d.getString("name"),
                d.getString("employer"))).toList();
    }

    /** A contact's fingerprints; one stored before LinkedIn profiles were matched has its e-mail's only. */
    private static List<String> fingerprints(Document contact) {
        List<String> fingerprints = contact.getList("fingerprints", String.class);
        if (fingerprints != null) {
            return fingerprints;
        }
        String email = contact.getString("fingerprint");
        return email == null ? List.of() : List.of(email);
    }

    /** The fingerprints an approach came with; one recorded before they were kept has its own only. */
    private static List<String> linked(Document approach) {
        List<String> linked = approach.getList("linked", String.class);
        return linked == null || linked.isEmpty() ? List.of(approach.getString("fingerprint")) : linked;
    }

    @Override
    public void erase(Member member) {
        mongo.remove(Query.query(MemberScope.owned(member)), CONTACTS);
        mongo.remove(Query.query(MemberScope.owned(member)), APPROACHES);
    }

    @Override
    public void reset() {
        mongo.dropCollection(CONTACTS);
        mongo.dropCollection(APPROACHES);
        declareIndexes();
    }

    private void upsert(String collection, String id, Update update) {
        Query query = Query.query(where("_id").is(id));
        try {
            mongo.upsert(query, update, collection);
        } catch (DuplicateKeyException raced) {
            mongo.updateFirst(query, update, collection);
        }
    }
}
