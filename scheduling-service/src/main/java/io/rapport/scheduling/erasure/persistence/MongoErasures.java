package io.rapport.scheduling.erasure.persistence;

import io.rapport.platform.domain.Member;
import io.rapport.scheduling.erasure.Erasures;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** One document per carried-out erasure request, keyed by the event id. */
@Repository
class MongoErasures implements Erasures {

    static final String COLLECTION = "erasures";

    private final MongoTemplate mongo;

    MongoErasures(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean done(String eventId) {
        return mongo.findById(eventId, Document.class, COLLECTION) != null;
    }

    @Override
    public void remember(String eventId, Member member) {
        try {
            mongo.insert(new Document("_id", eventId).append("tenantId", member.tenantId())
                    .append("memberId", member.memberId()).append("erasedAt", new Date()), COLLECTION);
        } catch (DuplicateKeyException alreadyRemembered) {
            // Two instances handled the same redelivered request: it is remembered either way.
        }
    }
}
