package io.rapport.reminders.reminders;

import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import io.rapport.platform.domain.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The member's in-app inbox: what is due, overdue and coming, and what they do about it. */
public class Inbox {

    static final int MAX_LISTED = 500;
    private static final Duration LONGEST_SNOOZE = Duration.ofDays(366);

    private final Reminders reminders;
    private final Clock clock;

    public Inbox(Reminders reminders, Clock clock) {
        this.reminders = reminders;
        this.clock = clock;
    }

    /** Open reminders by section, soonest first. */
    public Map<InboxSection, List<Reminder>> view(Member owner) {
        Instant now = clock.instant();
        Map<InboxSection, List<Reminder>> sections = new EnumMap<>(InboxSection.class);
        for (InboxSection section : InboxSection.values()) {
            sections.put(section, new ArrayList<>());
        }
        for (Reminder reminder : reminders.open(owner, MAX_LISTED)) {
            sections.get(reminder.sectionAt(now)).add(reminder);
        }
        return sections;
    }

    public Reminder get(Member owner, String id) {
        return reminders.find(owner, id).orElseThrow(() -> new NotFoundException("reminder", id));
    }

    public Reminder done(Member owner, String id) {
        return end(owner, id, ReminderStatus.DONE);
    }

    public Reminder dismiss(Member owner, String id) {
        return end(owner, id, ReminderStatus.DISMISSED);
    }

    /** Puts the reminder away until {@code until}, when it is delivered again. */
    public Reminder snooze(Member owner, String id, Instant until) {
        if (until == null) {
            throw new InvalidInputException("until", "is required, e.g. 2026-12-01T09:00:00Z");
        }
        Instant now = clock.instant();
        if (!until.isAfter(now)) {
            throw new InvalidInputException("until", "must be in the future");
        }
        if (until.isAfter(now.plus(LONGEST_SNOOZE))) {
            throw new InvalidInputException("until", "must be within a year");
        }
        Reminder current = get(owner, id);
        refuseUnlessOpen(current);
        Duration grace = current.overdueAt() == null ? Duration.ofDays(1)
                : Duration.between(current.dueAt(), current.overdueAt());
        Instant overdueAt = until.plus(grace.isNegative() ? Duration.ZERO : grace);
        if (!reminders.snooze(owner, id, until, overdueAt)) {
            throw changedMeanwhile();
        }
        return get(owner, id);
    }

    private Reminder end(Member owner, String id, ReminderStatus outcome) {
        Reminder current = get(owner, id);
        if (current.status() == outcome) {
            return current;
        }
        refuseUnlessOpen(current);
        if (!reminders.changeStatus(owner, id, ReminderStatus.OPEN, outcome)) {
            Reminder now = get(owner, id);
            if (now.status() != outcome) {
                throw changedMeanwhile();
            }
        }
        return get(owner, id);
    }

    private static void refuseUnlessOpen(Reminder reminder) {
        if (!reminder.status().isOpen()) {
            throw new ConflictException("This reminder is " + reminder.status().name().toLowerCase()
                    + " and can no longer be changed.", Map.of("status", reminder.status().name()));
        }
    }

    private static ConflictException changedMeanwhile() {
        return new ConflictException("The reminder changed meanwhile. Read it again and repeat your change.");
    }
}
