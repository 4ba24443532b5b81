package io.rapport.reminders.reminders.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rapport.platform.domain.Member;
import io.rapport.reminders.reminders.Delivery;
import io.rapport.reminders.reminders.Reminder;
import io.rapport.reminders.reminders.ReminderRule;
import io.rapport.reminders.reminders.ReminderStatus;
import io.rapport.reminders.reminders.Reminders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reminder store as the delivery engine sees it, counting what operators watch: reminders that came due (each
 * claim for delivery: one whose delivery failed, or that waited out quiet hours, counts again when claimed again),
 * reminders delivered, and how late each delivery was after its due time. Due growing faster than delivered, or
 * lateness above {@code rapport.reminders.delivery.late-after}, is what members would notice next.
 *
 * <p>Prometheus names: {@code rapport_reminders_due_total}, {@code rapport_reminders_delivered_total},
 * {@code rapport_reminders_delivery_lateness_seconds} (with buckets at 1, 5, 15 and 60 minutes, so an alert can
 * count deliveries later than five minutes).
 */
public class MeteredDeliveries implements Reminders {

    private final Reminders store;
    private final Counter due;
    private final Counter delivered;
    private final Timer lateness;

    public MeteredDeliveries(Reminders store, MeterRegistry meters) {
        this.store = store;
        this.due = Counter.builder("rapport.reminders.due")
                .description("Reminders claimed for delivery once due").register(meters);
        this.delivered = Counter.builder("rapport.reminders.delivered")
                .description("Reminders delivered").register(meters);
        this.lateness = Timer.builder("rapport.reminders.delivery.lateness")
                .description("How long after its due time a reminder was delivered")
                .serviceLevelObjectives(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
                        Duration.ofHours(1))
                .register(meters);
    }

    @Override
    public List<Reminder> claimDue(Instant now, String claimer, Instant leaseUntil, int limit) {
        List<Reminder> claimed = store.claimDue(now, claimer, leaseUntil, limit);
        due.increment(claimed.size());
        return claimed;
    }

    @Override
    public long markDelivered(String claimer, List<Delivery> deliveries) {
        long marked = store.markDelivered(claimer, deliveries);
        // Every delivery here went out through the channels; one whose lease had run out is delivered once more
        // by its next claimer, and counted there too.
        delivered.increment(deliveries.size());
        for (Delivery delivery : deliveries) {
            Duration late = Duration.between(delivery.reminder().dueAt(), delivery.deliveredAt());
            lateness.record(late.isNegative() ? Duration.ZERO : late);
        }
        return marked;
    }

    // --- the rest as the store does it ---

    @Override
    public Optional<Instant> nextDueAfter(Instant now) {
        return store.nextDueAfter(now);
    }

    @Override
    public void release(String claimer, List<Reminder> claimed) {
        // Handed back undelivered (this instance is stopping): the next claim counts them as due again.
        store.release(claimer, claimed);
    }

    @Override
    public int scheduleAll(List<Reminder> reminders) {
        return store.scheduleAll(reminders);
    }

    @Override
    public boolean plan(String eventId, Reminder reminder) {
        return store.plan(eventId, reminder);
    }

    @Override
    public long close(Member owner, Set<ReminderRule> rules, String subjectId, ReminderStatus outcome) {
        return store.close(owner, rules, subjectId, outcome);
    }

    @Override
    public long closeForEmployer(Member owner, Set<ReminderRule> rules, String employerKey, ReminderStatus outcome) {
        return store.closeForEmployer(owner, rules, employerKey, outcome);
    }

    @Override
    public long closeForContact(Member owner, String contactId, ReminderStatus outcome) {
        return store.closeForContact(owner, contactId, outcome);
    }

    @Override
    public boolean keepInTouch(Reminder reminder, Instant touchedAt, boolean startIfAbsent) {
        return store.keepInTouch(reminder, touchedAt, startIfAbsent);
    }

    @Override
    public Optional<String> employerOf(Member owner, String contactId) {
        return store.employerOf(owner, contactId);
    }

    @Override
    public Optional<Reminder> find(Member owner, String id) {
        return store.find(owner, id);
    }

    @Override
    public List<Reminder> open(Member owner, int limit) {
        return store.open(owner, limit);
    }

    @Override
    public List<Reminder> all(Member owner) {
        return store.all(owner);
    }

    @Override
    public boolean changeStatus(Member owner, String id, Set<ReminderStatus> from, ReminderStatus to) {
        return store.changeStatus(owner, id, from, to);
    }

    @Override
    public boolean snooze(Member owner, String id, Instant until, Instant overdueAt) {
        return store.snooze(owner, id, until, overdueAt);
    }

    @Override
    public void holdUntil(Reminder claimed, Instant until) {
        store.holdUntil(claimed, until);
    }

    @Override
    public List<Member> membersWithPendingDigest(int limit) {
        return store.membersWithPendingDigest(limit);
    }

    @Override
    public List<Reminder> pendingDigest(Member owner) {
        return store.pendingDigest(owner);
    }

    @Override
    public void digestSent(Member owner, List<String> reminderIds) {
        store.digestSent(owner, reminderIds);
    }

    @Override
    public long erase(Member owner) {
        return store.erase(owner);
    }
}
