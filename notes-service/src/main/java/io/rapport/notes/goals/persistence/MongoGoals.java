package io.rapport.notes.goals.persistence;

import static io.rapport.platform.persistence.MemberScope.owned;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.notes.goals.Goal;
import io.rapport.notes.goals.Goals;
import io.rapport.notes.goals.Progress;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.Outbox;
import io.rapport.platform.persistence.OwnedDocuments;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** One document per goal, with its events in the same document's outbox. */
@Repository
public class MongoGoals implements Goals {

    public static final String COLLECTION = "goals";

    private final OwnedDocuments<Goal> documents;
    private final Outbox outbox;

    public MongoGoals(MongoTemplate mongo, Outbox outbox) {
        this.documents = new OwnedDocuments<>(mongo, COLLECTION, MongoGoals::toGoal);
        this.outbox = outbox;
    }

    @Override
    public void save(Change<Goal> change, long expectedVersion) {
        Goal goal = change.state();
        if (expectedVersion == 0) {
            Document document = new Document("_id", goal.id())
                    .append("tenantId", goal.owner().tenantId())
                    .append("memberId", goal.owner().memberId())
                    .append("title", goal.title())
                    .append("themes", goal.themes())
                    .append("metric", goal.metric())
                    .append("target", goal.target())
                    .append("dueOn", goal.dueOn().toString())
                    .append("quarter", goal.quarter())
                    .append("actionItemId", goal.actionItemId())
                    .append("progress", progress(goal))
                    .append("createdAt", Date.from(goal.createdAt()))
                    .append("version", 1L);
            documents.insert(outbox.addTo(document, goal.owner(), change.events()));
        } else {
            Update update = outbox.addTo(new Update().set("progress", progress(goal)).inc("version", 1), goal.owner(),
                    change.events());
            documents.updateAtVersion(goal.owner(), goal.id(), expectedVersion, update, "goal");
        }
        outbox.written();
    }

    @Override
    public Optional<Goal> find(Member owner, String id) {
        return documents.find(owner, id);
    }

    @Override
    public List<Goal> list(Member owner) {
        return documents.all(owner);
    }

    @Override
    public long eraseMember(Member owner) {
        return documents.deleteAll(owner);
    }

    private static List<Document> progress(Goal goal) {
        return goal.progress().stream().map(update -> new Document("value", update.value())
                .append("note", update.note()).append("at", Date.from(update.at()))).toList();
    }

    private static Goal toGoal(Document document) {
        return new Goal(document.getString("_id"),
                new Member(document.getString("memberId"), document.getString("tenantId")),
                document.getString("title"), document.getList("themes", String.class, List.of()),
                document.getString("metric"), ((Number) document.get("target")).doubleValue(),
                LocalDate.parse(document.getString("dueOn")), document.getString("quarter"),
                document.getString("actionItemId"),
                document.getList("progress", Document.class, List.of()).stream().map(update -> new Progress(
                        ((Number) update.get("value")).doubleValue(), update.getString("note"),
                        update.getDate("at").toInstant())).toList(),
                document.getDate("createdAt").toInstant(), ((Number) document.get("version")).longValue());
    }
}
