package io.rapport.notes.synthesis.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.notes.synthesis.SynthesisSummary;
import io.rapport.notes.synthesis.Syntheses;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.AppliedEvents;
import io.rapport.platform.messaging.Outbox;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One summary document per member. The NoteRecorded that caused an update is remembered in the
 * same write as the update and its SynthesisUpdated, so a redelivery announces nothing twice.
 */
@Repository
public class MongoSyntheses implements Syntheses {

    public static final String COLLECTION = "syntheses";

    private final MongoTemplate mongo;
    private final Outbox outbox;

    public MongoSyntheses(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public boolean save(String causeEventId, Change<SynthesisSummary> change) {
        SynthesisSummary summary = change.state();
        Update update = new Update()
                .set("interviewCount", summary.interviewCount())
                .set("entryCount", summary.entryCount())
                .set("themeCount", summary.themeCount())
                .set("updatedAt", Date.from(summary.updatedAt()))
                .inc("revision", 1);
        outbox.addTo(update, summary.owner(), change.events());
        boolean applied = AppliedEvents.upsertOnce(mongo, COLLECTION, owned(summary.owner()), update, causeEventId);
        if (applied) {
            outbox.written();
        }
        return applied;
    }

    @Override
    public Optional<SynthesisSummary> find(Member owner) {
        return Optional.ofNullable(mongo.findOne(Query.query(owned(owner)), Document.class, COLLECTION))
                .map(document -> new SynthesisSummary(owner, document.getInteger("interviewCount", 0),
                        document.getInteger("entryCount", 0), document.getInteger("themeCount", 0),
                        document.getDate("updatedAt").toInstant()));
    }

    @Override
    public long eraseMember(Member owner) {
        return mongo.remove(Query.query(owned(owner)), COLLECTION).getDeletedCount();
    }

    private static Criteria owned(Member owner) {
        return where("_id").is(owner.tenantId() + "/" + owner.memberId()).and("tenantId").is(owner.tenantId())
                .and("memberId").is(owner.memberId());
    }
}
