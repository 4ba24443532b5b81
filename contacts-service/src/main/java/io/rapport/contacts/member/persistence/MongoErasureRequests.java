package io.rapport.contacts.member.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.contacts.member.ErasureRequests;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Ids;
import io.rapport.platform.domain.Member;
import io.rapport.platform.persistence.OwnedDocuments;
import io.rapport.platform.messaging.Outbox;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * One document per erasure request, carrying MemberDataErased in its outbox. The erasure itself
 * deletes it again, so nothing of the member is left.
 */
@Repository
class MongoErasureRequests implements ErasureRequests {

    static final String COLLECTION = "member_erasures";

    private final OwnedDocuments<Document> documents;
    private final Outbox outbox;

    MongoErasureRequests(MongoTemplate mongo, Outbox outbox) {
        this.documents = new OwnedDocuments<>(mongo, COLLECTION, document -> document);
        this.outbox = outbox;
    }

    @Override
    public void add(Member owner, Change<Instant> requested) {
        Document document = new Document("_id", Ids.newId())
                .append("tenantId", owner.tenantId())
                .append("memberId", owner.memberId())
                .append("requestedAt", Date.from(requested.state()));
        documents.insert(outbox.addTo(document, owner, requested.events()));
        outbox.written();
    }

    @Override
    public long deleteAll(Member owner) {
        return documents.deleteAll(owner);
    }
}
