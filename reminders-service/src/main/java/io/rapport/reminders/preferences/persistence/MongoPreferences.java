package io.rapport.reminders.preferences.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.platform.domain.Member;
import io.rapport.reminders.preferences.Channel;
import io.rapport.reminders.preferences.MemberPreferences;
import io.rapport.reminders.preferences.Preferences;
import io.rapport.reminders.preferences.QuietHours;
import io.rapport.reminders.reminders.DailyDigest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** One document per member: their preferences, the zone their events carry, and the day of their last digest. */
@Repository
public class MongoPreferences implements MemberPreferences, DailyDigest.DigestClaims {

    public static final String COLLECTION = "preferences";

    private final MongoTemplate mongo;

    public MongoPreferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Preferences> find(Member member) {
        return Optional.ofNullable(mongo.findOne(Query.query(owned(member)), Document.class, COLLECTION))
                .map(MongoPreferences::toPreferences);
    }

    /** One {@code _id $in} query (the {@code _id} index) for the lot; each document still checked against its owner. */
    @Override
    public Map<Member, Preferences> ofAll(Collection<Member> members) {
        Map<String, Member> byId = new HashMap<>();
        members.forEach(member -> byId.put(id(member), member));
        Map<Member, Preferences> all = new LinkedHashMap<>();
        if (!byId.isEmpty()) {
            for (Document document : mongo.find(Query.query(where("_id").in(byId.keySet())), Document.class, COLLECTION)) {
                Member member = byId.get(document.getString("_id"));
                if (member != null && member.tenantId().equals(document.getString("tenantId"))
                        && member.memberId().equals(document.getString("memberId"))) {
                    all.put(member, toPreferences(document));
                }
            }
        }
        members.forEach(member -> all.putIfAbsent(member, Preferences.DEFAULTS));
        return all;
    }

    @Override
    public void save(Member member, Preferences p) {
        Update update = new Update()
                .set("set", true)
                .set("timeZone", p.timeZone() == null ? null : p.timeZone().getId())
                .set("morning", p.morning().toString())
                .set("channels", p.channels().stream().map(Enum::name).sorted().toList())
                .set("email", p.email())
                .set("digest", p.digest())
                .set("quietStart", p.quietHours() == null ? null : p.quietHours().start().toString())
                .set("quietEnd", p.quietHours() == null ? null : p.quietHours().end().toString())
                .set("holidays", p.holidays().stream().map(LocalDate::toString).toList())
                .set("keepInTouchDays", p.keepInTouchDays());
        upsert(member, update);
    }

    @Override
    public void observeTimeZone(Member member, ZoneId zone) {
        upsert(member, new Update().set("observedTimeZone", zone.getId()));
    }

    @Override
    public boolean claim(Member member, LocalDate day) {
        Query notYetToday = Query.query(owned(member).and("lastDigestOn").ne(day.toString()));
        return mongo.updateFirst(notYetToday, new Update().set("lastDigestOn", day.toString()), COLLECTION)
                .getModifiedCount() > 0;
    }

    @Override
    public void erase(Member member) {
        mongo.remove(Query.query(owned(member)), COLLECTION);
    }

    private void upsert(Member member, Update update) {
        update.setOnInsert("tenantId", member.tenantId()).setOnInsert("memberId", member.memberId());
        try {
            mongo.upsert(Query.query(where("_id").is(id(member))), update, COLLECTION);
        } catch (DuplicateKeyException raced) {
            mongo.updateFirst(Query.query(where("_id").is(id(member))), update, COLLECTION);
        }
    }

    private static String id(Member member) {
        return member.tenantId() + "/" + member.memberId();
    }

    private static Criteria owned(Member member) {
        return where("_id").is(id(member)).and("tenantId").is(member.tenantId()).and("memberId").is(member.memberId());
    }

    private static Preferences toPreferences(Document d) {
        if (!d.getBoolean("set", false)) {
            // Only the zone seen on events is known: defaults for the rest.
            return Preferences.DEFAULTS.withObservedTimeZone(zone(d.getString("observedTimeZone")));
        }
        EnumSet<Channel> channels = EnumSet.noneOf(Channel.class);
        d.getList("channels", String.class, List.of()).forEach(name -> channels.add(Channel.valueOf(name)));
        String quietStart = d.getString("quietStart");
        String quietEnd = d.getString("quietEnd");
        TreeSet<LocalDate> holidays = new TreeSet<>();
        d.getList("holidays", String.class, List.of()).forEach(day -> holidays.add(LocalDate.parse(day)));
        return new Preferences(zone(d.getString("timeZone")), zone(d.getString("observedTimeZone")),
                LocalTime.parse(d.getString("morning")), channels, d.getString("email"), d.getBoolean("digest", false),
                quietStart == null || quietEnd == null ? null
                        : new QuietHours(LocalTime.parse(quietStart), LocalTime.parse(quietEnd)),
                holidays, d.getInteger("keepInTouchDays", Preferences.DEFAULT_KEEP_IN_TOUCH_DAYS));
    }

    private static ZoneId zone(String id) {
        return id == null ? null : ZoneId.of(id);
    }
}
