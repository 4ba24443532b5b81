package io.rapport.reminders.preferences;

import io.rapport.platform.domain.Member;
import java.time.ZoneId;
import java.util.Optional;

/** The store of members' preferences (port). */
public interface MemberPreferences {

    Optional<Preferences> find(Member member);

    default Preferences of(Member member) {
        return find(member).orElse(Preferences.DEFAULTS);
    }

    void save(Member member, Preferences preferences);

    /** Remembers the zone the member's events carry, without touching a zone the member chose. */
    void observeTimeZone(Member member, ZoneId zone);

    void erase(Member member);
}
