package io.rapport.platform.persistence;

import static io.rapport.platform.persistence.MemberScope.owned;

import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.Member;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A member-owned collection: every read, write and delete within the member's scope, answered from an index.
 *
 * <p>It declares the index every member-owned collection needs, {@code (tenantId, memberId, _id)}: a member's
 * documents in creation order (ids are time-ordered), a page after a cursor, a delete of everything the member
 * has. A point read by id is answered by the {@code _id} index with the member check on that one document.
 * An adapter declares further indexes for its own query shapes, each starting with tenantId and memberId.
 * (Documents a member has exactly one of — a synthesis, a profile, preferences — are keyed by tenant and
 * member instead and need none of this.)
 */
public final class OwnedDocuments<T> {

    public static final String MEMBER_INDEX = "member_documents";

    private final MongoTemplate mongo;
    private final String collection;
    private final Function<Document, T> mapper;
    private final List<String> unread;

    public OwnedDocuments(MongoTemplate mongo, String collection, Function<Document, T> mapper) {
        this(mongo, collection, mapper, List.of());
        mongo.indexOps(collection).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("memberId", Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named(MEMBER_INDEX));
    }

    private OwnedDocuments(MongoTemplate mongo, String collection, Function<Document, T> mapper, List<String> unread) {
        this.mongo = mongo;
        this.collection = collection;
        this.mapper = mapper;
        this.unread = unread;
    }

    /** The same collection, read without these fields (an outbox the mapper never looks at, say). */
    public OwnedDocuments<T> readingWithout(String... fields) {
        return new OwnedDocuments<>(mongo, collection, mapper, List.of(fields));
    }

    public Optional<T> find(Member owner, String id) {
        return findOne(owner, Criteria.where("_id").is(id));
    }

    /** The first of the member's documents that also match {@code where}. */
    public Optional<T> findOne(Member owner, Criteria where) {
        return Optional.ofNullable(mongo.findOne(reading(Query.query(scoped(owner, where))), Document.class,
                collection)).map(mapper);
    }

    /** In creation order: ids are time-ordered. */
    public List<T> all(Member owner) {
        return list(Query.query(owned(owner)).with(Sort.by("_id")));
    }

    /** The member's documents that also match {@code where}, in {@code order}, at most {@code limit} (0: all). */
    public List<T> list(Member owner, Criteria where, Sort order, int limit) {
        return list(Query.query(scoped(owner, where)).with(order).limit(limit));
    }

    private List<T> list(Query query) {
        return mongo.find(reading(query), Document.class, collection).stream().map(mapper).toList();
    }

    private static Criteria scoped(Member owner, Criteria where) {
        return where.getCriteriaObject().isEmpty() ? owned(owner) : owned(owner).andOperator(where);
    }

    private Query reading(Query query) {
        unread.forEach(field -> query.fields().exclude(field));
        return query;
    }

    public void insert(Document document) {
        mongo.insert(document, collection);
    }

    /**
     * Applies {@code update} to the member's document {@code id} only if it is still at {@code expectedVersion}
     * (the update itself raises the version): two writers that read the same version cannot both win.
     *
     * @param what names the record in the conflict message ("contact", "interview")
     * @throws ConflictException if the document changed since it was read (or is gone)
     */
    public void updateAtVersion(Member owner, String id, long expectedVersion, Update update, String what) {
        updateAtVersion(owner, id, expectedVersion, update, what, Map.of());
    }

    /** As above, with properties for the conflict problem (e.g. the record's id). */
    public void updateAtVersion(Member owner, String id, long expectedVersion, Update update, String what,
            Map<String, Object> conflictProperties) {
        long modified = mongo.updateFirst(
                Query.query(owned(owner).and("_id").is(id).and("version").is(expectedVersion)), update, collection)
                .getModifiedCount();
        if (modified == 0) {
            throw new ConflictException("The " + what + " changed since it was read. Read it again and repeat your change.",
                    conflictProperties);
        }
    }

    public boolean delete(Member owner, String id) {
        return mongo.remove(Query.query(owned(owner).and("_id").is(id)), collection).getDeletedCount() > 0;
    }

    public long deleteAll(Member owner) {
        return mongo.remove(Query.query(owned(owner)), collection).getDeletedCount();
    }
}
