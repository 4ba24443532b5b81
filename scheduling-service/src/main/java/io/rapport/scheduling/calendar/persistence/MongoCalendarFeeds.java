package io.rapport.scheduling.calendar.persistence;

import static io.rapport.platform.persistence.MemberScope.owned;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.platform.domain.Member;
import io.rapport.platform.persistence.OwnedDocuments;
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
    private final OwnedDocuments<CalendarFeed> documents;

    MongoCalendarFeeds(MongoTemplate mongo) {
        this.mongo = mongo;
        this.documents = new OwnedDocuments<>(mongo, COLLECTION, MongoCalendarFeeds::toFeed);
        // The feed is opened by its token alone (no member yet): a unique index answers it.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tokenHash", Sort.Direction.ASC).unique().named("feed_by_token"));
    }

    @Override
    public void add(CalendarFeed feed) {
        documents.insert(new Document("_id", feed.id())
                .append("tenantId", feed.owner().tenantId())
                .append("memberId", feed.owner().memberId())
                .append("tokenHash", feed.tokenHash())
                .append("createdAt", Date.from(feed.createdAt())));
    }

    @Override
    public Optional<CalendarFeed> findByTokenHash(String tokenHash) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("tokenHash").is(tokenHash)), Document.class, COLLECTION))
                .map(MongoCalendarFeeds::toFeed);
    }

    @Override
    public List<CalendarFeed> list(Member owner) {
        return documents.all(owner);
    }

    @Override
    public boolean revoke(Member owner, String feedId) {
        return documents.delete(owner, feedId);
    }

    @Override
    public long eraseAll(Member owner) {
        return documents.deleteAll(owner);
    }

    private static CalendarFeed toFeed(Document d) {
        return new CalendarFeed(d.getString("_id"), new Member(d.getString("memberId"), d.getString("tenantId")),
                d.getString("tokenHash"), d.getDate("createdAt").toInstant());
    }
}
