package io.rapport.insights.sharing.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.insights.sharing.Share;
import io.rapport.insights.sharing.ShareStore;
import io.rapport.insights.sharing.Tier;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.Outbox;
import io.rapport.platform.persistence.MemberScope;
import io.rapport.platform.persistence.OwnedDocuments;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per member and advisor ({@code _id} tenant/member/advisor), the SharingChanged event in its outbox
 * until relayed. The advisor's view reads {tenantId, advisorId}; a revocation is a write here, so the next read of
 * the advisor's views no longer finds the share.
 */
@Repository
public class MongoShares implements ShareStore {

    public static final String COLLECTION = "shares";

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final OwnedDocuments<Share> owned;

    public MongoShares(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.owned = new OwnedDocuments<>(mongo, COLLECTION, MongoShares::toShare).readingWithout(Outbox.FIELD);
        // Who shares with an advisor: {tenantId, advisorId, tier: {$ne: NOTHING}}.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("advisorId", Sort.Direction.ASC).on("tier", Sort.Direction.ASC).named("shares_with_advisor"));
    }

    @Override
    public Optional<Share> find(Member member, String advisorId) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("_id").is(id(member, advisorId))), Document.class,
                COLLECTION)).map(MongoShares::toShare);
    }

    @Override
    public List<Share> of(Member member) {
        return owned.all(member);
    }

    @Override
    public Map<String, Tier> sharingWith(String tenantId, String advisorId) {
        Map<String, Tier> members = new HashMap<>();
        mongo.find(Query.query(where("tenantId").is(tenantId).and("advisorId").is(advisorId)
                        .and("tier").in(List.of(Tier.PROGRESS.name(), Tier.SYNTHESIS.name(), Tier.FULL.name()))),
                Document.class, COLLECTION).forEach(document ->
                members.put(document.getString("memberId"), Tier.valueOf(document.getString("tier"))));
        return members;
    }

    @Override
    public void save(Change<Share> change) {
        Share share = change.state();
        Update update = new Update().setOnInsert("tenantId", share.member().tenantId())
                .setOnInsert("memberId", share.member().memberId()).setOnInsert("advisorId", share.advisorId())
                .set("tier", share.tier().name()).set("changedAt", Date.from(share.changedAt()));
        outbox.addTo(update, share.member(), change.events());
        Query query = Query.query(where("_id").is(id(share.member(), share.advisorId())));
        try {
            mongo.upsert(query, update, COLLECTION);
        } catch (DuplicateKeyException raced) {
            mongo.updateFirst(query, update, COLLECTION);
        }
        outbox.written();
    }

    @Override
    public void erase(Member member) {
        mongo.remove(Query.query(MemberScope.owned(member)), COLLECTION);
    }

    private static String id(Member member, String advisorId) {
        return member.tenantId() + "/" + member.memberId() + "/" + advisorId;
    }

    private static Share toShare(Document document) {
        Date changed = document.getDate("changedAt");
        return new Share(new Member(document.getString("memberId"), document.getString("tenantId")),
                document.getString("advisorId"), Tier.valueOf(document.getString("tier")),
                changed == null ? null : changed.toInstant());
    }
}
