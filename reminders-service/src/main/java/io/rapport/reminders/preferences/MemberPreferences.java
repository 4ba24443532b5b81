package io.rapport.reminders.preferences;

import io.rapport.platform.domain.Member;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The store of members' preferences (port). */
public interface MemberPreferences {

    Optional<Preferences> find(Member member);

    default Preferences of(Member member) {
        return find(member).orElse(Preferences.DEFAULTS);
    }

    /**
     * Each member's preferences ({@link Preferences#DEFAULTS} where none are stored), read together: a delivery round
     * serves hundreds of members, and one read each was a store round trip per reminder.
     */
    default Map<Member, Preferences> ofAll(Collection<Member> members) {
        Map<Member, Preferences> all = new LinkedHashMap<>();
        members.forEach(member -> all.computeIfAbsent(member, this::of));
        return all;
    }

    void save(Member member, Preferences preferences);

    /** Remembers the zone the member's events carry, without touching a zone the member chose. */
    void observeTimeZone(Member member, ZoneId zone);

    void erase(Member member);
}
