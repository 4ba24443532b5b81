package io.rapport.platform.persistence;

import static io.rapport.platform.persistence.MemberScope.owned;

import io.rapport.platform.domain.Member;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** The reads and deletes every member-owned collection has, always within the member's scope. */
public final class OwnedDocuments<T> {

    private final MongoTemplate mongo;
    private final String collection;
    private final Function<Document, T> mapper;

    public OwnedDocuments(MongoTemplate mongo, String collection, Function<Document, T> mapper) {
        this.mongo = mongo;
        this.collection = collection;
        this.mapper = mapper;
    }

    public Optional<T> find(Member owner, String id) {
        return Optional.ofNullable(mongo.findOne(Query.query(owned(owner).and("_id").is(id)), Document.class, collection))
                .map(mapper);
    }

    /** In creation order: ids are time-ordered. */
    public List<T> all(Member owner) {
        return mongo.find(Query.query(owned(owner)).with(Sort.by("_id")), Document.class, collection).stream()
                .map(mapper).toList();
    }

    public boolean delete(Member owner, String id) {
        return mongo.remove(Query.query(owned(owner).and("_id").is(id)), collection).getDeletedCount() > 0;
    }

    public long deleteAll(Member owner) {
        return mongo.remove(Query.query(owned(owner)), collection).getDeletedCount();
    }
}
