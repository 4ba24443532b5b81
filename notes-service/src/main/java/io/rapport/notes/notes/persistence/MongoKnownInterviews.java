package io.rapport.notes.notes.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.notes.notes.KnownInterviews;
import io.rapport.platform.domain.Member;
import io.rapport.platform.persistence.OwnedDocuments;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per (member, interview), keyed by both: learning is an upsert of the same values, so a
 * redelivered or repeated event has no second effect, and a point lookup by {@code _id} answers {@link #knows}.
 */
@Repository
class MongoKnownInterviews implements KnownInterviews {

    static final String COLLECTION = "known_interviews";

    private final MongoTemplate mongo;
    private final OwnedDocuments<Document> documents;

    MongoKnownInterviews(MongoTemplate mongo) {
        this.mongo = mongo;
        this.documents = new OwnedDocuments<>(mongo, COLLECTION, document -> document);
    }

    @Override
    public void learn(Member owner, String interviewId, String contactId) {
        mongo.upsert(Query.query(where("_id").is(MongoNoteRecords.key(owner, interviewId))), new Update()
                .setOnInsert("tenantId", owner.tenantId()).setOnInsert("memberId", owner.memberId())
                .setOnInsert("interviewId", interviewId).setOnInsert("contactId", contactId)
                .setOnInsert("learnedAt", new Date()), COLLECTION);
    }

    @Override
    public boolean knows(Member owner, String interviewId) {
        return documents.find(owner, MongoNoteRecords.key(owner, interviewId)).isPresent();
    }

    @Override
    public long eraseMember(Member owner) {
        return documents.deleteAll(owner);
    }
}
