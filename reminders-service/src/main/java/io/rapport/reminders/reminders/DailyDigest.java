package io.rapport.reminders.reminders;

import io.rapport.platform.domain.Member;
import io.rapport.reminders.preferences.MemberPreferences;
import io.rapport.reminders.preferences.Preferences;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One e-mail a day, in the member's morning, listing the reminders delivered since the last one,
 * for members who chose the digest. Each member's digest of a day is claimed once, so several
 * instances send it once.
 */
public class DailyDigest {

    private final Reminders reminders;
    private final MemberPreferences preferences;
    private final DigestClaims claims;
    private final Mailer mailer;
    private final Clock clock;

    /** Who sends a member's digest of a given day (port): the first to claim it. */
    public interface DigestClaims {
        boolean claim(Member member, LocalDate day);
    }

    public DailyDigest(Reminders reminders, MemberPreferences preferences, DigestClaims claims, Mailer mailer,
            Clock clock) {
        this.reminders = reminders;
        this.preferences = preferences;
        this.claims = claims;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** @return how many digests went out */
    public int sendDue() {
        int sent = 0;
        Instant now = clock.instant();
        for (Member member : reminders.membersWithPendingDigest(1000)) {
            Preferences prefs = preferences.of(member);
            if (!prefs.byEmail()) {
                continue;
            }
            ZonedDateTime local = now.atZone(prefs.zone());
            if (local.toLocalTime().isBefore(prefs.morning()) || !claims.claim(member, local.toLocalDate())) {
                continue;
            }
            List<Reminder> pending = reminders.pendingDigest(member);
            if (pending.isEmpty()) {
                continue;
            }
            StringBuilder body = new StringBuilder("Your reminders since the last digest:\n\n");
            for (Reminder reminder : pending) {
                body.append("- ").append(reminder.title())
                        .append(" (due ").append(reminder.dueAt().atZone(prefs.zone()).toLocalDate())
                        .append(reminder.late() ? ", delivered late" : "").append(")\n");
            }
            body.append("\nMark them done, snooze or dismiss them in your Rapport inbox.\n");
            mailer.send(prefs.email(), "Rapport daily digest: " + pending.size() + " reminder"
                    + (pending.size() == 1 ? "" : "s"), body.toString());
            reminders.digestSent(member, pending.stream().map(Reminder::id).toList());
            sent++;
        }
        return sent;
    }
}
