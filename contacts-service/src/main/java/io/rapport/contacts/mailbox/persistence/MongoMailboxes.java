package io.rapport.contacts.mailbox.persistence;

import static io.rapport.platform.persistence.MemberScope.owned;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.contacts.mailbox.FolderCursor;
import io.rapport.contacts.mailbox.IdleLeases;
import io.rapport.contacts.mailbox.Mailbox;
import io.rapport.contacts.mailbox.MailboxAuth;
import io.rapport.contacts.mailbox.MailboxServer;
import io.rapport.contacts.mailbox.MailboxState;
import io.rapport.contacts.mailbox.Mailboxes;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per member ({@code _id} = tenant/member), written with $set so the events waiting in its outbox
 * survive a reconnect. The sealed password (or OAuth2 refresh token) is the only form of it ever stored, in
 * {@code sealedPassword}; {@code auth} says which (absent: a password, as before OAuth2 was offered).
 */
@Repository
class MongoMailboxes implements Mailboxes, IdleLeases {

    static final String COLLECTION = "mailboxes";
    static final String DUE_INDEX = "due_mailboxes";

    private final MongoTemplate mongo;
    private final Outbox outbox;

    MongoMailboxes(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        // claimDue: state fixed to CONNECTED, nextCheckAt up to now, oldest first; paused and disconnected
        // mailboxes are in other ranges of the index and never read.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC)
                .on("nextCheckAt", Sort.Direction.ASC).named(DUE_INDEX));
    }

    static String key(Member owner) {
        return owner.tenantId() + "/" + owner.memberId();
    }

    @Override
    public Optional<Mailbox> find(Member owner) {
        return Optional.ofNullable(mongo.findOne(byOwner(owner), Document.class, COLLECTION)).map(MongoMailboxes::toMailbox);
    }

    @Override
    public void save(Change<Mailbox> change) {
        Mailbox mailbox = change.state();
        // the member's own change ends any IDLE lease: the mailbox it watched is gone or connected anew
        mongo.upsert(byOwner(mailbox.owner()), fields(change).inc("version", 1).unset("idleBy").unset("idleUntil"),
                COLLECTION);
        outbox.written();
    }

    @Override
    public boolean saveAt(Change<Mailbox> change, long expectedVersion) {
        Mailbox mailbox = change.state();
        boolean saved = mongo.updateFirst(Query.query(where("_id").is(key(mailbox.owner())).and("version").is(expectedVersion)),
                fields(change).inc("version", 1), COLLECTION).getModifiedCount() > 0;
        if (saved && !change.events().isEmpty()) {
            outbox.written();
        }
        return saved;
    }

    @Override
    public List<Mailbox> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<Mailbox> claimed = new ArrayList<>();
        // due_mailboxes: one entry read per claimed mailbox; the version check makes each claim one holder's.
        Query due = Query.query(where("state").is(MailboxState.CONNECTED.name()).and("nextCheckAt").lte(Date.from(now)))
                .with(Sort.by("nextCheckAt")).limit(limit);
        for (Document candidate : mongo.find(due, Document.class, COLLECTION)) {
            Document won = mongo.findAndModify(Query.query(where("_id").is(candidate.get("_id"))
                            .and("version").is(candidate.get("version"))),
                    new Update().set("nextCheckAt", Date.from(leaseUntil)).set("lookUntil", Date.from(leaseUntil))
                            .inc("version", 1),
                    FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
            if (won != null) {
                claimed.add(toMailbox(won));
            }
        }
        return claimed;
    }

    @Override
    public boolean holdIdle(Member owner, String mailboxId, String holder, Instant now, Instant until) {
        Query free = Query.query(owned(owner).and("_id").is(key(owner)).and("mailboxId").is(mailboxId)
                .and("state").is(MailboxState.CONNECTED.name())
                .orOperator(where("idleBy").exists(false), where("idleBy").is(holder),
                        where("idleUntil").lt(Date.from(now))));
        return mongo.updateFirst(free, new Update().set("idleBy", holder).set("idleUntil", Date.from(until)),
                COLLECTION).getMatchedCount() > 0;
    }

    @Override
    public void releaseIdle(Member owner, String mailboxId, String holder) {
        mongo.updateFirst(Query.query(owned(owner).and("_id").is(key(owner)).and("idleBy").is(holder)),
                new Update().unset("idleBy").unset("idleUntil"), COLLECTION);
    }

    @Override
    public Wake wakeNow(Member owner, String mailboxId, Instant now) {
        Query connected = Query.query(owned(owner).and("_id").is(key(owner)).and("mailboxId").is(mailboxId)
                .and("state").is(MailboxState.CONNECTED.name()));
        // not under a claim: a look in flight keeps its mailbox, and its result is stored
        Query idle = Query.query(owned(owner).and("_id").is(key(owner)).and("mailboxId").is(mailboxId)
                .and("state").is(MailboxState.CONNECTED.name())
                .orOperator(where("lookUntil").exists(false), where("lookUntil").lt(Date.from(now))));
        if (mongo.updateFirst(idle, new Update().set("nextCheckAt", Date.from(now)).inc("version", 1), COLLECTION)
                .getMatchedCount() > 0) {
            return Wake.WOKEN;
        }
        return mongo.exists(connected, COLLECTION) ? Wake.BUSY : Wake.GONE;
    }

    @Override
    public long deleteAll(Member owner) {
        return mongo.remove(byOwner(owner), COLLECTION).getDeletedCount();
    }

    private static Query byOwner(Member owner) {
        return Query.query(owned(owner).and("_id").is(key(owner)));
    }

    private Update fields(Change<Mailbox> change) {
        Mailbox m = change.state();
        Update update = new Update()
                .set("tenantId", m.owner().tenantId()).set("memberId", m.owner().memberId())
                .set("mailboxId", m.id()).set("state", m.state().name())
                .set("connectedAt", date(m.connectedAt())).set("lastCheckedAt", date(m.lastCheckedAt()))
                .set("lastError", m.lastError()).set("failures", m.failures()).set("authFailures", m.authFailures())
                .set("inbox", cursor(m.inbox())).set("sent", cursor(m.sent()))
                .unset("lookUntil"); // the look that claimed it (if any) is over
        if (m.nextCheckAt() == null) {
            update.unset("nextCheckAt"); // out of the due range for good
        } else {
            update.set("nextCheckAt", Date.from(m.nextCheckAt()));
        }
        if (m.server() == null) {
            update.unset("host").unset("port").unset("tls").unset("user").unset("auth").unset("sealedPassword");
        } else {
            update.set("host", m.server().host()).set("port", m.server().port()).set("tls", m.server().tls())
                    .set("user", m.server().user()).set("auth", m.server().auth().name())
                    .set("sealedPassword", m.sealedPassword());
        }
        return outbox.addTo(update, m.owner(), change.events());
    }

    private static Document cursor(FolderCursor cursor) {
        return cursor == null ? null : new Document("uidValidity", cursor.uidValidity()).append("lastUid", cursor.lastUid());
    }

    private static FolderCursor cursor(Object stored) {
        return stored instanceof Document d ? new FolderCursor(((Number) d.get("uidValidity")).longValue(),
                ((Number) d.get("lastUid")).longValue()) : null;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static Mailbox toMailbox(Document d) {
        Member owner = new Member(d.getString("memberId"), d.getString("tenantId"));
        MailboxServer server = d.getString("host") == null ? null : new MailboxServer(d.getString("host"),
                d.getInteger("port"), d.getBoolean("tls"), d.getString("user"), null,
                MailboxAuth.valueOf(d.getString("auth") == null ? MailboxAuth.PASSWORD.name() : d.getString("auth")));
        return new Mailbox(d.getString("mailboxId"), owner, server, d.getString("sealedPassword"),
                MailboxState.valueOf(d.getString("state")), instant(d, "connectedAt"), instant(d, "lastCheckedAt"),
                d.getString("lastError"), d.getInteger("failures", 0), d.getInteger("authFailures", 0),
                instant(d, "nextCheckAt"), cursor(d.get("inbox")), cursor(d.get("sent")),
                ((Number) d.get("version")).longValue());
    }
}
