package io.rapport.contacts.employers.persistence;

import static io.rapport.platform.persistence.MemberScope.owned;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.contacts.employers.Employers;
import io.rapport.contacts.employers.TargetEmployer;
import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.Member;
import io.rapport.platform.persistence.OwnedDocuments;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Target employers, one document each; a unique index keeps one employer per name and member. */
@Repository
class MongoEmployers implements Employers {

    static final String COLLECTION = "employers";

    private final MongoTemplate mongo;
    private final OwnedDocuments<TargetEmployer> documents;

    MongoEmployers(MongoTemplate mongo) {
        this.mongo = mongo;
        this.documents = new OwnedDocuments<>(mongo, COLLECTION, MongoEmployers::toEmployer);
        // Also answers the name check below: (tenantId, memberId, nameKey) fixed, the _id condition filters.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("memberId", Sort.Direction.ASC).on("nameKey", Sort.Direction.ASC).unique().named("one_employer_per_name"));
    }

    @Override
    public void add(TargetEmployer employer) {
        refuseTakenName(employer);
        try {
            documents.insert(toDocument(employer));
        } catch (DuplicateKeyException raced) {
            refuseTakenName(employer);
            throw raced;
        }
    }

    @Override
    public void update(TargetEmployer employer, long expectedVersion) {
        refuseTakenName(employer);
        Update update = new Update();
        toDocument(employer).forEach((field, value) -> {
            if (!field.equals("_id") && !field.equals("tenantId") && !field.equals("memberId")) {
                update.set(field, value);
            }
        });
        documents.updateAtVersion(employer.owner(), employer.id(), expectedVersion, update, "employer");
    }

    @Override
    public Optional<TargetEmployer> find(Member owner, String id) {
        return documents.find(owner, id);
    }

    @Override
    public List<TargetEmployer> all(Member owner) {
        return documents.all(owner);
    }

    @Override
    public boolean delete(Member owner, String id) {
        return documents.delete(owner, id);
    }

    @Override
    public long deleteAll(Member owner) {
        return documents.deleteAll(owner);
    }

    private void refuseTakenName(TargetEmployer employer) {
        documents.findOne(employer.owner(), where("nameKey").is(employer.nameKey()).and("_id").ne(employer.id()))
                .ifPresent(existing -> {
                    throw new ConflictException("A target employer with this name already exists.",
                            Map.of("existingEmployerId", existing.id()));
                });
    }

    private static Document toDocument(TargetEmployer employer) {
        return new Document("_id", employer.id())
                .append("tenantId", employer.owner().tenantId())
                .append("memberId", employer.owner().memberId())
                .append("name", employer.name())
                .append("nameKey", employer.nameKey())
                .append("industry", employer.industry())
                .append("website", employer.website())
                .append("notes", employer.notes())
                .append("motivation", employer.motivation())
                .append("posting", employer.posting())
                .append("advocacyOverride", employer.advocacyOverride())
                .append("createdAt", Date.from(employer.createdAt()))
                .append("updatedAt", Date.from(employer.updatedAt()))
                .append("version", employer.version());
    }

    private static TargetEmployer toEmployer(Document document) {
        return new TargetEmployer(document.getString("_id"),
                new Member(document.getString("memberId"), document.getString("tenantId")),
                document.getString("name"), document.getString("industry"), document.getString("website"),
                document.getString("notes"), document.getInteger("motivation"), document.getInteger("posting"),
                document.getBoolean("advocacyOverride"), document.getDate("createdAt").toInstant(),
                document.getDate("updatedAt").toInstant(), ((Number) document.get("version")).longValue());
    }
}
