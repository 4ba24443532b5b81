package io.rapport.scheduling.calendar.persistence;

import static io.rapport.platform.persistence.MemberScope.owned;

import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.Outbox;
import io.rapport.platform.persistence.OwnedDocuments;
import io.rapport.scheduling.calendar.CalendarConnection;
import io.rapport.scheduling.calendar.CalendarConnection.AuthKind;
import io.rapport.scheduling.calendar.CalendarConnection.ConnectionStatus;
import io.rapport.scheduling.calendar.CalendarConnections;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per member, keyed {@code tenant/member}. Disconnecting unsets the address, user and secret and keeps
 * the document for its outbox (the CalendarDisconnected event); a document without a secret is no connection.
 */
@Repository
class MongoCalendarConnections implements CalendarConnections {

    static final String COLLECTION = "calendar_connections";
    private static final String SECRET = "secret";

    private final MongoTemplate mongo;
    private final OwnedDocuments<CalendarConnection> documents;
    private final Outbox outbox;

    MongoCalendarConnections(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.documents = new OwnedDocuments<>(mongo, COLLECTION, MongoCalendarConnections::toConnection)
                .readingWithout(Outbox.FIELD);
    }

    private static String key(Member owner) {
        return owner.tenantId() + "/" + owner.memberId();
    }

    private static Query mine(Member owner) {
        return Query.query(owned(owner).and("_id").is(key(owner)));
    }

    @Override
    public Optional<CalendarConnection> find(Member owner) {
        return documents.find(owner, key(owner)).filter(c -> c.sealedSecret() != null);
    }

    @Override
    public void connect(Change<CalendarConnection> connected) {
        CalendarConnection c = connected.state();
        Update update = new Update()
                .set("url", c.url())
                .set("user", c.user())
                .set("auth", c.auth().name())
                .set(SECRET, c.sealedSecret())
                .set("status", c.status().name())
                .set("connectedAt", Date.from(c.connectedAt()))
                .set("failures", 0)
                .unset("lastSyncAt").unset("lastError").unset("lastErrorAt").unset("disconnectedAt");
        mongo.upsert(mine(c.owner()), outbox.addTo(update, c.owner(), connected.events()), COLLECTION);
        outbox.written();
    }

    @Override
    public boolean disconnect(Member owner, Change<Instant> disconnected) {
        if (find(owner).isEmpty()) {
            return false;
        }
        Update update = new Update()
                .unset("url").unset("user").unset("auth").unset(SECRET).unset("lastError").unset("lastErrorAt")
                .set("disconnectedAt", Date.from(disconnected.state()));
        mongo.updateFirst(mine(owner), outbox.addTo(update, owner, disconnected.events()), COLLECTION);
        outbox.written();
        return true;
    }

    @Override
    public void recordSuccess(Member owner, Instant at) {
        mongo.updateFirst(mine(owner), new Update().set("lastSyncAt", Date.from(at))
                .set("status", ConnectionStatus.CONNECTED.name()).set("failures", 0), COLLECTION);
    }

    @Override
    public void recordFailure(Member owner, String plainError, Instant at) {
        mongo.updateFirst(mine(owner), new Update().set("lastError", plainError).set("lastErrorAt", Date.from(at))
                .set("status", ConnectionStatus.FAILING.name()).inc("failures", 1), COLLECTION);
    }

    @Override
    public long eraseAll(Member owner) {
        return documents.deleteAll(owner);
    }

    private static CalendarConnection toConnection(Document d) {
        String auth = d.getString("auth");
        return new CalendarConnection(new Member(d.getString("memberId"), d.getString("tenantId")),
                d.getString("url"), d.getString("user"), auth == null ? null : AuthKind.valueOf(auth),
                d.getString(SECRET),
                ConnectionStatus.valueOf(d.getString("status") == null ? "CONNECTED" : d.getString("status")),
                instant(d, "connectedAt"), instant(d, "lastSyncAt"), d.getString("lastError"),
                instant(d, "lastErrorAt"), d.getInteger("failures", 0));
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
