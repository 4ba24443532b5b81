package io.rapport.insights.volunteers.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.events.AlumniVolunteerRequested;
import io.rapport.insights.volunteers.Volunteer;
import io.rapport.insights.volunteers.VolunteerStore;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.Outbox;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per volunteer ({@code _id} tenant/volunteer) with, per month, the count of requests and who asked.
 * A request is one conditional update of that document — the count below the cap, the member not among this month's
 * — which also puts AlumniVolunteerRequested (owned by the member) in its outbox: a full month can never be
 * overbooked by requests arriving together, and a counted request cannot lose its event.
 */
@Repository
public class MongoVolunteers implements VolunteerStore {

    public static final String COLLECTION = "volunteers";

    private final MongoTemplate mongo;
    private final Outbox outbox;

    public MongoVolunteers(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        // A tenant's directory by name: {tenantId} sorted by name.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("name", Sort.Direction.ASC)
                .named("tenant_volunteers"));
    }

    @Override
    public void save(Volunteer v) {
        mongo.insert(new Document("_id", v.tenantId() + "/" + v.id()).append("tenantId", v.tenantId())
                .append("volunteerId", v.id()).append("name", v.name()).append("email", v.email())
                .append("employer", v.employer()).append("role", v.role()).append("industry", v.industry())
                .append("topics", v.topics()).append("monthlyCap", v.monthlyCap()), COLLECTION);
    }

    @Override
    public Optional<Volunteer> find(String tenantId, String volunteerId) {
        return Optional.ofNullable(mongo.findOne(byId(tenantId, volunteerId), Document.class, COLLECTION))
                .map(MongoVolunteers::toVolunteer);
    }

    @Override
    public List<Volunteer> of(String tenantId) {
        Query query = Query.query(where("tenantId").is(tenantId)).with(Sort.by("name"));
        query.fields().exclude(Outbox.FIELD);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoVolunteers::toVolunteer).toList();
    }

    @Override
    public int requests(String tenantId, String volunteerId, String month) {
        Document document = mongo.findOne(byId(tenantId, volunteerId), Document.class, COLLECTION);
        Document months = document == null ? null : document.get("requests", Document.class);
        Object count = months == null ? null : months.get(month);
        return count instanceof Number number ? number.intValue() : 0;
    }

    @Override
    public boolean requestedBy(String tenantId, String volunteerId, String month, String memberId) {
        Document document = mongo.findOne(byId(tenantId, volunteerId), Document.class, COLLECTION);
        Document askers = document == null ? null : document.get("requesters", Document.class);
        return askers != null && askers.getList(month, String.class, List.of()).contains(memberId);
    }

    @Override
    public boolean countRequest(Volunteer volunteer, String month, Member member, AlumniVolunteerRequested event) {
        String count = "requests." + month;
        String askers = "requesters." + month;
        // A new month starts at 0, so the cap can be checked with $lt.
        mongo.updateFirst(Query.query(where("_id").is(id(volunteer.tenantId(), volunteer.id())).and(count).exists(false)),
                new Update().set(count, 0), COLLECTION);
        Query belowCap = Query.query(where("_id").is(id(volunteer.tenantId(), volunteer.id()))
                .and(count).lt(volunteer.monthlyCap()).and(askers).ne(member.memberId()));
        Update update = new Update().inc(count, 1).push(askers, member.memberId());
        outbox.addTo(update, member, List.of(event));
        boolean counted = mongo.updateFirst(belowCap, update, COLLECTION).getModifiedCount() > 0;
        if (counted) {
            outbox.written();
        }
        return counted;
    }

    private static Query byId(String tenantId, String volunteerId) {
        return Query.query(where("_id").is(id(tenantId, volunteerId)));
    }

    private static String id(String tenantId, String volunteerId) {
        return tenantId + "/" + volunteerId;
    }

    private static Volunteer toVolunteer(Document d) {
        return new Volunteer(d.getString("volunteerId"), d.getString("tenantId"), d.getString("name"), d.getString("email"),
                d.getString("employer"), d.getString("role"), d.getString("industry"),
                d.getList("topics", String.class, List.of()), d.getInteger("monthlyCap"));
    }
}
