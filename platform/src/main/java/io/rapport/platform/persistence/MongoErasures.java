package io.rapport.platform.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.platform.domain.Erasures;
import io.rapport.platform.domain.Member;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Erasure markers, one document per member keyed {@code tenant/member}, so the check every consumed event makes is
 * one lookup by {@code _id}. A marker keeps no data of the member beyond the ids the events carry anyway.
 */
public class MongoErasures implements Erasures {

    public static final String COLLECTION = "erased_members";

    /**
     * Every consumed event asks whether its member was erased, so the answer is remembered for a few seconds:
     * without it each event cost one more round trip to the store (half of a consumer's work). Erasures are rare
     * and this instance learns its own at once; one carried out by another instance is seen here within
     * {@link #REMEMBERED}.
     */
    static final Duration REMEMBERED = Duration.ofSeconds(5);
    private static final int MOST_REMEMBERED = 100_000;

    private final MongoTemplate mongo;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /** The member's erasure as last read (null: none), and when it was read. */
    private record Known(Instant erasedAt, long readAtNanos) {
    }

    public MongoErasures(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean erase(Member member, String requestId, Instant requestedAt, Runnable deletion) {
        String key = key(member);
        Document marker = mongo.findById(key, Document.class, COLLECTION);
        if (marker != null) {
            Instant erasedAt = marker.getDate("erasedAt").toInstant();
            boolean done = marker.getBoolean("done", false);
            if (erasedAt.isAfter(requestedAt) || done && (requestId.equals(marker.getString("requestId"))
                    || erasedAt.equals(requestedAt))) {
                return false;
            }
        }
        mongo.upsert(Query.query(where("_id").is(key)), new Update()
                .set("tenantId", member.tenantId()).set("memberId", member.memberId())
                .set("erasedAt", Date.from(requestedAt)).set("requestId", requestId).set("done", false), COLLECTION);
        known.put(key, new Known(requestedAt, System.nanoTime()));
        deletion.run();
        mongo.updateFirst(Query.query(where("_id").is(key)), new Update().set("done", true), COLLECTION);
        return true;
    }

    @Override
    public Optional<Instant> erasedAt(Member member) {
        String key = key(member);
        Known remembered = known.get(key);
        if (remembered == null || System.nanoTime() - remembered.readAtNanos() > REMEMBERED.toNanos()) {
            Query byId = Query.query(where("_id").is(key));
            byId.fields().include("erasedAt");
            Document marker = mongo.findOne(byId, Document.class, COLLECTION);
            remembered = new Known(marker == null ? null : marker.getDate("erasedAt").toInstant(), System.nanoTime());
            if (known.size() >= MOST_REMEMBERED) {
                known.clear();
            }
            known.put(key, remembered);
        }
        return Optional.ofNullable(remembered.erasedAt());
    }

    private static String key(Member member) {
        return member.tenantId() + "/" + member.memberId();
    }
}
