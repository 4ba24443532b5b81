package io.rapport.reminders.reminders;

import io.rapport.platform.domain.Member;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One reminder of one member. Its id is derived from the dedupe key (member, rule, subject), so a
 * replayed event can only ever find the reminder it made before.
 *
 * @param overdueAt from when the inbox shows it as overdue
 * @param version raised by every change, so a claim or a delivery applies only to the state it read
 */
public record Reminder(
        String id,
        Member owner,
        ReminderRule rule,
        String subjectId,
        String contactId,
        String employer,
        String title,
        Instant dueAt,
        Instant overdueAt,
        ReminderStatus status,
        Instant deliveredAt,
        boolean late,
        long version) {

    public static Reminder planned(Member owner, ReminderRule rule, String subjectId, String contactId, String employer,
            String title, Instant dueAt, Instant overdueAt) {
        if (subjectId == null || subjectId.isBlank()) {
            throw new IllegalArgumentException("A " + rule + " reminder needs the id of what it is about");
        }
        return new Reminder(idFor(owner, rule, subjectId), owner, rule, subjectId, contactId, employer, title, dueAt,
                overdueAt, ReminderStatus.SCHEDULED, null, false, 0);
    }

    /** The same reminder in another status, as stored from the start (a closed one no later event opens). */
    public Reminder withStatus(ReminderStatus newStatus) {
        return new Reminder(id, owner, rule, subjectId, contactId, employer, title, dueAt, overdueAt, newStatus, deliveredAt,
                late, version);
    }

    /** The same reminder after a write that changed only what it does not carry (a claim's lease). */
    public Reminder withVersion(long newVersion) {
        return new Reminder(id, owner, rule, subjectId, contactId, employer, title, dueAt, overdueAt, status, deliveredAt,
                late, newVersion);
    }

    public static String idFor(Member owner, ReminderRule rule, String subjectId) {
        String key = owner.tenantId() + "\n" + owner.memberId() + "\n" + rule + "\n" + subjectId;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Employers match however the member typed them ("ACME Corp" and "acme corp "). */
    public static String employerKey(String employer) {
        return employer == null || employer.isBlank() ? null
                : employer.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public InboxSection sectionAt(Instant now) {
        if (dueAt.isAfter(now)) {
            return InboxSection.UPCOMING;
        }
        return overdueAt != null && !overdueAt.isAfter(now) ? InboxSection.OVERDUE : InboxSection.DUE;
    }
}
