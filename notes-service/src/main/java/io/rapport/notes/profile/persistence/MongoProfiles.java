package io.rapport.notes.profile.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.notes.profile.MemberProfile;
import io.rapport.notes.profile.Profiles;
import io.rapport.platform.domain.Member;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** One document per member, keyed by tenant and member. */
@Repository
public class MongoProfiles implements Profiles {

    public static final String COLLECTION = "profiles";

    private final MongoTemplate mongo;

    public MongoProfiles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void save(MemberProfile profile) {
        Member owner = profile.owner();
        mongo.upsert(query(owner), new Update()
                .set("skills", profile.skills())
                .set("targetRoles", profile.targetRoles())
                .set("industries", profile.industries())
                .set("updatedAt", new Date()), COLLECTION);
    }

    @Override
    public Optional<MemberProfile> find(Member owner) {
        return Optional.ofNullable(mongo.findOne(query(owner), Document.class, COLLECTION))
                .map(document -> new MemberProfile(owner, document.getList("skills", String.class, List.of()),
                        document.getList("targetRoles", String.class, List.of()),
                        document.getList("industries", String.class, List.of())));
    }

    @Override
    public long eraseMember(Member owner) {
        return mongo.remove(query(owner), COLLECTION).getDeletedCount();
    }

    private static Query query(Member owner) {
        return Query.query(where("_id").is(owner.tenantId() + "/" + owner.memberId())
                .and("tenantId").is(owner.tenantId()).and("memberId").is(owner.memberId()));
    }
}
