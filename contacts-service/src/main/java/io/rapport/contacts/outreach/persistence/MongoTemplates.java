package io.rapport.contacts.outreach.persistence;

import static io.rapport.platform.persistence.MemberScope.owned;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.contacts.contacts.OutreachChannel;
import io.rapport.contacts.outreach.Template;
import io.rapport.contacts.outreach.Templates;
import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.Member;
import io.rapport.platform.persistence.OwnedDocuments;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Outreach templates, one document each. */
@Repository
class MongoTemplates implements Templates {

    static final String COLLECTION = "templates";

    private final OwnedDocuments<Template> documents;

    MongoTemplates(MongoTemplate mongo) {
        this.documents = new OwnedDocuments<>(mongo, COLLECTION, MongoTemplates::toTemplate);
    }

    @Override
    public void add(Template template) {
        documents.insert(new Document("_id", template.id())
                .append("tenantId", template.owner().tenantId())
                .append("memberId", template.owner().memberId())
                .append("name", template.name())
                .append("channel", template.channel().name())
                .append("body", template.body())
                .append("createdAt", Date.from(template.createdAt()))
                .append("updatedAt", Date.from(template.updatedAt()))
                .append("version", template.version()));
    }

    @Override
    public void update(Template template, long expectedVersion) {
        documents.updateAtVersion(template.owner(), template.id(), expectedVersion,
                new Update().set("name", template.name()).set("channel", template.channel().name())
                        .set("body", template.body()).set("updatedAt", Date.from(template.updatedAt()))
                        .set("version", template.version()), "template");
    }

    @Override
    public Optional<Template> find(Member owner, String id) {
        return documents.find(owner, id);
    }

    @Override
    public List<Template> all(Member owner) {
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

    private static Template toTemplate(Document document) {
        return new Template(document.getString("_id"),
                new Member(document.getString("memberId"), document.getString("tenantId")),
                document.getString("name"), OutreachChannel.valueOf(document.getString("channel")),
                document.getString("body"), document.getDate("createdAt").toInstant(),
                document.getDate("updatedAt").toInstant(), ((Number) document.get("version")).longValue());
    }
}
