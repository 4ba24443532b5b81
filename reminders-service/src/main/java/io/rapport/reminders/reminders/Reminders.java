package io.rapport.reminders.reminders;

import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The reminder store (port). Every write is idempotent, so replayed events have no second effect. */
public interface Reminders {

    /** Stores the reminder unless one with its dedupe key exists. @return false when it existed */
    default boolean schedule(Reminder reminder) {
        return scheduleAll(List.of(reminder)) == 1;
    }

    /** Stores each reminder unless one with its dedupe key exists, in one write. @return how many were stored */
    int scheduleAll(List<Reminder> reminders);

    /**
     * Creates the reminder or moves it to its new due time and re-opens it, once per event.
     *
     * @return false when this event had been applied before
     */
    boolean plan(String eventId, Reminder reminder);

    /** Ends the open reminders of these rules for this subject. @return how many */
    long close(Member owner, Set<ReminderRule> rules, String subjectId, ReminderStatus outcome);

    long closeForEmployer(Member owner, Set<ReminderRule> rules, String employerKey, ReminderStatus outcome);

    long closeForContact(Member owner, String contactId, ReminderStatus outcome);

    /**
     * Restarts the contact's keep-in-touch reminder from a touch, unless a later touch is already
     * known. Without {@code startIfAbsent}, only a cadence that has started is restarted.
     */
    boolean keepInTouch(Reminder reminder, Instant touchedAt, boolean startIfAbsent);

    /** The employer an earlier reminder recorded for this contact, to word titles. */
    Optional<String> employerOf(Member owner, String contactId);

    Optional<Reminder> find(Member owner, String id);

    /** Scheduled and delivered reminders, soonest first. */
    List<Reminder> open(Member owner, int limit);

    /** Everything, for the member's export. */
    List<Reminder> all(Member owner);

    /** @return false unless the reminder was in one of {@code from} */
    boolean changeStatus(Member owner, String id, Set<ReminderStatus> from, ReminderStatus to);

    boolean snooze(Member owner, String id, Instant until, Instant overdueAt);

    /**
     * Leases up to {@code limit} due, unleased (or lease-expired) reminders to {@code claimer}, each
     * claimed atomically so no two claimers get the same one.
     */
    List<Reminder> claimDue(Instant now, String claimer, Instant leaseUntil, int limit);

    /** When the next scheduled reminder falls due after {@code now}: one entry of the due index, or empty. */
    Optional<Instant> nextDueAfter(Instant now);

    /** Keeps a claimed reminder from every claimer until {@code until} (the end of the member's quiet hours). */
    void holdUntil(Reminder claimed, Instant until);

    /** Marks the deliveries done, only where {@code claimer} still holds the lease. @return how many */
    long markDelivered(String claimer, List<Delivery> deliveries);

    /**
     * Gives up {@code claimer}'s leases on reminders it claimed and will not deliver (its instance is stopping), so
     * another claimer may take them at once rather than when the leases run out.
     */
    void release(String claimer, List<Reminder> claimed);

    List<Member> membersWithPendingDigest(int limit);

    List<Reminder> pendingDigest(Member owner);

    void digestSent(Member owner, List<String> reminderIds);

    long erase(Member owner);
}
