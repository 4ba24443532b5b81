package io.rapport.insights.caseload.persistence;

import io.rapport.insights.caseload.Nudge;
import io.rapport.insights.caseload.NudgeStore;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.Outbox;
import io.rapport.platform.persistence.MemberScope;
import io.rapport.platform.persistence.OwnedDocuments;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The nudges advisors sent, owned by the member they were sent to; AdvisorNudged waits in the document's outbox. */
@Repository
public class MongoNudges implements NudgeStore {

    public static final String COLLECTION = "nudges";

    private final MongoTemplate mongo;
    private final Outbox outbox;

    public MongoNudges(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        new OwnedDocuments<>(mongo, COLLECTION, document -> document);
    }

    @Override
    public void save(Change<Nudge> change) {
        Nudge nudge = change.state();
        Document document = new Document("_id", nudge.id()).append("tenantId", nudge.member().tenantId())
                .append("memberId", nudge.member().memberId()).append("advisorId", nudge.advisorId())
                .append("text", nudge.text()).append("sentAt", Date.from(nudge.sentAt()));
        mongo.insert(outbox.addTo(document, nudge.member(), change.events()), COLLECTION);
        outbox.written();
    }

    @Override
    public void erase(Member member) {
        mongo.remove(Query.query(MemberScope.owned(member)), COLLECTION);
    }
}
