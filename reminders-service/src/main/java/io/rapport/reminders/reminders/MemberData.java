package io.rapport.reminders.reminders;

import io.rapport.platform.domain.Erasures;
import io.rapport.platform.domain.Member;
import io.rapport.reminders.preferences.MemberPreferences;
import io.rapport.reminders.preferences.Preferences;
import java.time.Instant;
import java.util.List;

/** Everything reminders-service holds about a member: exported on request, erased on MemberDataErased. */
public class MemberData {

    private final Reminders reminders;
    private final MemberPreferences preferences;
    private final Erasures erasures;

    public record Export(Member member, Preferences preferences, boolean preferencesSet, List<Reminder> reminders) {
    }

    public MemberData(Reminders reminders, MemberPreferences preferences, Erasures erasures) {
        this.reminders = reminders;
        this.preferences = preferences;
        this.erasures = erasures;
    }

    public Export export(Member member) {
        var stored = preferences.find(member);
        return new Export(member, stored.orElse(Preferences.DEFAULTS), stored.isPresent(), reminders.all(member));
    }

    /**
     * Erases once per request ({@link Erasures#erase}): no event from before it brings a reminder back.
     *
     * @return false when this request had been carried out before
     */
    public boolean erase(String requestId, Member member, Instant requestedAt) {
        return erasures.erase(member, requestId, requestedAt, () -> {
            reminders.erase(member);
            preferences.erase(member);
        });
    }
}
