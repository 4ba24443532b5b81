package io.rapport.reminders.reminders;

import io.rapport.platform.domain.Member;
import io.rapport.reminders.preferences.MemberPreferences;
import io.rapport.reminders.preferences.Preferences;
import java.util.List;

/** Everything reminders-service holds about a member: exported on request, erased on MemberDataErased. */
public class MemberData {

    private final Reminders reminders;
    private final MemberPreferences preferences;

    public record Export(Member member, Preferences preferences, boolean preferencesSet, List<Reminder> reminders) {
    }

    public MemberData(Reminders reminders, MemberPreferences preferences) {
        this.reminders = reminders;
        this.preferences = preferences;
    }

    public Export export(Member member) {
        var stored = preferences.find(member);
        return new Export(member, stored.orElse(Preferences.DEFAULTS), stored.isPresent(), reminders.all(member));
    }

    public void erase(Member member) {
        reminders.erase(member);
        preferences.erase(member);
    }
}
