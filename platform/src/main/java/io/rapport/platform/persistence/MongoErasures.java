package io.rapport.platform.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.platform.domain.Erasures;
import io.rapport.platform.domain.Member;
import java.time.Instant;
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

    private final MongoTemplate mongo;

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
        deletion.run();
        mongo.updateFirst(Query.query(where("_id").is(key)), new Update().set("done", true), COLLECTION);
        return true;
    }

    @Override
    public boolean erasedAfter(Member member, Instant eventTime) {
        Query byId = Query.query(where("_id").is(key(member)));
        byId.fields().include("erasedAt");
        Document marker = mongo.findOne(byId, Document.class, COLLECTION);
        return marker != null && !eventTime.isAfter(marker.getDate("erasedAt").toInstant());
    }

    private static String key(Member member) {
        return member.tenantId() + "/" + member.memberId();
    }
}
