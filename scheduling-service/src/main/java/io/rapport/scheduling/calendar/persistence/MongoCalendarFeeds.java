package io.rapport.scheduling.calendar.persistence;

import static io.rapport.platform.persistence.MemberScope.owned;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.platform.domain.Member;
import io.rapport.scheduling.calendar.CalendarFeed;
import io.rapport.scheduling.calendar.CalendarFeeds;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoCalendarFeeds implements CalendarFeeds {

    static final String COLLECTION = "calendar_feeds";

    private final MongoTemplate mongo;

    MongoCalendarFeeds(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tokenHash", Sort.Direction.ASC).unique().named("feed_by_token"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("memberId", Sort.Direction.ASC).named("member_feeds"));
    }

    @Override
    public void add(CalendarFeed feed) {
        mongo.insert(new Document("_id", feed.id())
                .append("tenantId", feed.owner().tenantId())
                .append("memberId", feed.owner().memberId())
                .append("tokenHash", feed.tokenHash())
                .append("createdAt", Date.from(feed.createdAt())), COLLECTION);
    }

    @Override
    public Optional<CalendarFeed> findByTokenHash(String tokenHash) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("tokenHash").is(tokenHash)), Document.class, COLLECTION))
                .map(MongoCalendarFeeds::toFeed);
    }

    @Override
    public List<CalendarFeed> list(Member owner) {
        return mongo.find(Query.query(owned(owner)).with(Sort.by("_id")), Document.class, COLLECTION).stream()
                .map(MongoCalendarFeeds::toFeed).toList();
    }

    @Override
    public boolean revoke(Member owner, String feedId) {
        return mongo.remove(Query.query(owned(owner).and("_id").is(feedId)), COLLECTION).getDeletedCount() > 0;
    }

    @Override
    public long eraseAll(Member owner) {
        return mongo.remove(Query.query(owned(owner)), COLLECTION).getDeletedCount();
    }

    private static CalendarFeed toFeed(Document d) {
        return new CalendarFeed(d.getString("_id"), new Member(d.getString("memberId"), d.getString("tenantId")),
                d.getString("tokenHash"), d.getDate("createdAt").toInstant());
    }
}
