package io.rapport.insights.organization.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.insights.organization.Assignment;
import io.rapport.insights.organization.Cohort;
import io.rapport.insights.organization.OrganizationStore;
import io.rapport.insights.organization.TenantSettings;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Cohorts ({@code _id} tenant/cohort), memberships (one document per member of a tenant with the cohorts it is in),
 * assignments ({@code _id} tenant/advisor/kind/target) and settings ({@code _id} tenant). The organization's own
 * state, not a read model: a rebuild keeps it.
 */
@Repository
public class MongoOrganization implements OrganizationStore {

    static final String COHORTS = "cohorts";
    static final String MEMBERSHIPS = "cohort_memberships";
    static final String ASSIGNMENTS = "advisor_assignments";
    static final String SETTINGS = "tenant_settings";

    private final MongoTemplate mongo;

    public MongoOrganization(MongoTemplate mongo) {
        this.mongo = mongo;
        // A tenant's cohorts, by name: {tenantId} sorted by name.
        mongo.indexOps(COHORTS).createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("name", Sort.Direction.ASC)
                .named("tenant_cohorts"));
        // Members of some cohorts: {tenantId, cohorts: {$in}} (an entry per cohort of a member); a tenant's memberships: {tenantId}.
        mongo.indexOps(MEMBERSHIPS).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("cohorts", Sort.Direction.ASC).named("tenant_cohort_members"));
        // An advisor's assignments: {tenantId, advisorId}.
        mongo.indexOps(ASSIGNMENTS).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("advisorId", Sort.Direction.ASC).named("advisor_assignments"));
        // A member's advisors: {tenantId, kind, targetId: {$in}} (the member and their cohorts).
        mongo.indexOps(ASSIGNMENTS).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("kind", Sort.Direction.ASC).on("targetId", Sort.Direction.ASC).named("assignments_by_target"));
    }

    @Override
    public void save(Cohort cohort) {
        mongo.insert(new Document("_id", cohort.tenantId() + "/" + cohort.id()).append("tenantId", cohort.tenantId())
                .append("cohortId", cohort.id()).append("name", cohort.name()).append("kind", cohort.kind()), COHORTS);
    }

    @Override
    public Optional<Cohort> cohort(String tenantId, String cohortId) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("_id").is(tenantId + "/" + cohortId)), Document.class,
                COHORTS)).map(MongoOrganization::toCohort);
    }

    @Override
    public List<Cohort> cohorts(String tenantId) {
        return mongo.find(Query.query(where("tenantId").is(tenantId)).with(Sort.by("name")), Document.class, COHORTS)
                .stream().map(MongoOrganization::toCohort).toList();
    }

    @Override
    public void addMember(String tenantId, String cohortId, String memberId) {
        upsert(MEMBERSHIPS, tenantId + "/" + memberId, new Update().setOnInsert("tenantId", tenantId)
                .setOnInsert("memberId", memberId).addToSet("cohorts", cohortId));
    }

    @Override
    public void removeMember(String tenantId, String cohortId, String memberId) {
        mongo.updateFirst(Query.query(where("_id").is(tenantId + "/" + memberId)), new Update().pull("cohorts", cohortId),
                MEMBERSHIPS);
    }

    @Override
    public Map<String, Set<String>> memberships(String tenantId) {
        Map<String, Set<String>> memberships = new HashMap<>();
        for (Document document : mongo.find(Query.query(where("tenantId").is(tenantId)), Document.class, MEMBERSHIPS)) {
            memberships.put(document.getString("memberId"), new HashSet<>(document.getList("cohorts", String.class, List.of())));
        }
        return memberships;
    }

    @Override
    public Set<String> membersOf(String tenantId, Set<String> cohortIds) {
        Set<String> members = new HashSet<>();
        mongo.find(Query.query(where("tenantId").is(tenantId).and("cohorts").in(cohortIds)), Document.class, MEMBERSHIPS)
                .forEach(document -> members.add(document.getString("memberId")));
        return members;
    }

    @Override
    public Set<String> cohortsOf(String tenantId, String memberId) {
        Document document = mongo.findOne(Query.query(where("_id").is(tenantId + "/" + memberId)), Document.class, MEMBERSHIPS);
        return document == null ? Set.of() : new HashSet<>(document.getList("cohorts", String.class, List.of()));
    }

    @Override
    public void assign(String tenantId, String advisorId, Assignment.Kind kind, String targetId) {
        upsert(ASSIGNMENTS, assignmentId(tenantId, advisorId, kind, targetId), new Update().setOnInsert("tenantId", tenantId)
                .setOnInsert("advisorId", advisorId).setOnInsert("kind", kind.name()).setOnInsert("targetId", targetId));
    }

    @Override
    public void unassign(String tenantId, String advisorId, Assignment.Kind kind, String targetId) {
        mongo.remove(Query.query(where("_id").is(assignmentId(tenantId, advisorId, kind, targetId))), ASSIGNMENTS);
    }

    @Override
    public List<Assignment> assignmentsOf(String tenantId, String advisorId) {
        return mongo.find(Query.query(where("tenantId").is(tenantId).and("advisorId").is(advisorId)), Document.class,
                ASSIGNMENTS).stream().map(MongoOrganization::toAssignment).toList();
    }

    @Override
    public Set<String> advisorsOf(String tenantId, String memberId, Set<String> cohortIds) {
        Set<String> advisors = new HashSet<>();
        mongo.find(Query.query(where("tenantId").is(tenantId).and("kind").is(Assignment.Kind.MEMBER.name())
                .and("targetId").is(memberId)), Document.class, ASSIGNMENTS)
                .forEach(document -> advisors.add(document.getString("advisorId")));
        if (!cohortIds.isEmpty()) {
            mongo.find(Query.query(where("tenantId").is(tenantId).and("kind").is(Assignment.Kind.COHORT.name())
                    .and("targetId").in(cohortIds)), Document.class, ASSIGNMENTS)
                    .forEach(document -> advisors.add(document.getString("advisorId")));
        }
        return advisors;
    }

    @Override
    public TenantSettings settings(String tenantId) {
        Document document = mongo.findOne(Query.query(where("_id").is(tenantId)), Document.class, SETTINGS);
        return document == null ? TenantSettings.DEFAULTS : new TenantSettings(document.getInteger("minGroupSize"));
    }

    @Override
    public void save(String tenantId, TenantSettings settings) {
        upsert(SETTINGS, tenantId, new Update().set("minGroupSize", settings.minGroupSize()));
    }

    @Override
    public void erase(String tenantId, String memberId) {
        mongo.remove(Query.query(where("_id").is(tenantId + "/" + memberId)), MEMBERSHIPS);
        mongo.remove(Query.query(Criteria.where("tenantId").is(tenantId).and("kind").is(Assignment.Kind.MEMBER.name())
                .and("targetId").is(memberId)), ASSIGNMENTS);
    }

    private void upsert(String collection, String id, Update update) {
        Query query = Query.query(where("_id").is(id));
        try {
            mongo.upsert(query, update, collection);
        } catch (DuplicateKeyException raced) {
            mongo.updateFirst(query, update, collection);
        }
    }

    private static String assignmentId(String tenantId, String advisorId, Assignment.Kind kind, String targetId) {
        return tenantId + "/" + advisorId + "/" + kind.name() + "/" + targetId;
    }

    private static Cohort toCohort(Document document) {
        return new Cohort(document.getString("cohortId"), document.getString("tenantId"), document.getString("name"),
                document.getString("kind"));
    }

    private static Assignment toAssignment(Document document) {
        return new Assignment(document.getString("advisorId"), Assignment.Kind.valueOf(document.getString("kind")),
                document.getString("targetId"));
    }
}
