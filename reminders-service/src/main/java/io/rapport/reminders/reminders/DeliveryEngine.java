package io.rapport.reminders.reminders;

import io.rapport.platform.domain.Member;
import io.rapport.reminders.preferences.MemberCalendar;
import io.rapport.reminders.preferences.MemberPreferences;
import io.rapport.reminders.preferences.Preferences;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers due reminders exactly once however many instances run: each round claims a batch (a
 * lease per reminder, written atomically), sends it through the channels, then marks it delivered
 * with its ReminderDue in the same write, only while still holding the lease. A claimer that dies
 * mid-round leaves leases that run out, and another claimer delivers those reminders. One that is stopped
 * ({@link #stop()}) finishes the reminders in hand (the groups going out together, one per sender at most) and releases
 * the rest of its round's claims at once.
 */
public class DeliveryEngine implements AutoCloseable {

    private static final Logger log = Logger.getLogger(DeliveryEngine.class.getName());

    /**
     * How long a claim lasts, how late counts as "late", how many reminders one round claims, how many of them go
     * out together (one SMTP connection for all; a stopping engine finishes those in hand), and how many such groups
     * go out at once (1: one after another on the round's own thread).
     */
    public record Settings(Duration lease, Duration lateAfter, int batchSize, int sendTogether, int senders) {

        public static final int MOST_SENDERS = 64;

        public Settings {
            if (senders < 1 || senders > MOST_SENDERS) {
                throw new IllegalArgumentException(
                        "rapport.reminders.delivery.senders is 1 to " + MOST_SENDERS + ", not " + senders);
            }
        }

        public Settings(Duration lease, Duration lateAfter, int batchSize, int sendTogether) {
            this(lease, lateAfter, batchSize, sendTogether, 1);
        }
    }

    private final Reminders reminders;
    private final MemberPreferences preferences;
    private final List<DeliveryChannel> channels;
    private final Clock clock;
    private final String claimer;
    private final Settings settings;
    /** Null with one sender: the groups then go out one after another on the round's own thread. */
    private final ThreadPoolExecutor sendingThreads;
    private volatile boolean stopping;
    /** When the delivery next looks, as planned after its last round; a reminder due before it wakes the delivery. */
    private volatile Instant nextLook = Instant.MIN;
    private volatile Runnable wakeUp = () -> { };
    /** The instant the last claim took as "now": reminders due after it were not claimed. */
    private volatile Instant claimedUpTo = Instant.MAX;

    public DeliveryEngine(Reminders reminders, MemberPreferences preferences, List<DeliveryChannel> channels,
            Clock clock, String claimer, Settings settings) {
        this.reminders = reminders;
        this.preferences = preferences;
        this.channels = List.copyOf(channels);
        this.clock = clock;
        this.claimer = claimer;
        this.settings = settings;
        if (settings.senders() == 1) {
            this.sendingThreads = null;
        } else {
            // Threads that sat idle for a minute end, so at rest there are none.
            this.sendingThreads = new ThreadPoolExecutor(settings.senders(), settings.senders(), 1, TimeUnit.MINUTES,
                    new LinkedBlockingQueue<>(), Thread.ofPlatform().name("reminder-sending-", 1).daemon(true).factory());
            this.sendingThreads.allowCoreThreadTimeOut(true);
        }
    }

    /**
     * One round: the claimed reminders go out in groups of {@link Settings#sendTogether()}, the groups in parallel on
     * the senders (each over its own SMTP connection), and each group is marked delivered as soon as it went. A mail
     * server's round trips, not this machine, bound one connection: one group after another left the delivery thread
     * waiting on the SMTP server and the store in turn (JFR while 30,000 fell due: 43 % of its time sending, 26 %
     * marking). The round returns once every group is done, so a round's claims are never left in hand.
     *
     * @return how many reminders were claimed (a full batch means there may be more)
     */
    public int deliverDue() {
        if (stopping) {
            return 0;
        }
        Instant now = clock.instant();
        claimedUpTo = now;
        List<Reminder> claimed = reminders.claimDue(now, claimer, now.plus(settings.lease()), settings.batchSize());
        if (claimed.isEmpty()) {
            return 0;
        }
        // One read for the round's members, not one per member (a round of 500 reminders spans up to 500 members).
        Map<Member, Preferences> byMember = preferences.ofAll(claimed.stream().map(Reminder::owner).toList());
        Map<Member, MemberCalendar> calendars = new HashMap<>();
        List<List<DeliveryChannel.Outgoing>> groups = new ArrayList<>();
        List<DeliveryChannel.Outgoing> group = new ArrayList<>(settings.sendTogether());
        for (Reminder reminder : claimed) {
            Preferences prefs = byMember.get(reminder.owner());
            Instant at = clock.instant();
            Instant quietUntil = calendars.computeIfAbsent(reminder.owner(), member -> prefs.calendar())
                    .outsideQuietHours(at, false);
            if (quietUntil.isAfter(at)) {
                // Due times never fall in quiet hours, but a reminder missed during downtime can come due in them.
                reminders.holdUntil(reminder, quietUntil);
                continue;
            }
            group.add(new DeliveryChannel.Outgoing(reminder, prefs, at,
                    at.isAfter(reminder.dueAt().plus(settings.lateAfter()))));
            if (group.size() == settings.sendTogether()) {
                groups.add(group);
                group = new ArrayList<>(settings.sendTogether());
            }
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        Executor senders = sendingThreads != null ? sendingThreads : Runnable::run;
        CompletableFuture<?>[] going = groups.stream()
                .map(each -> CompletableFuture.runAsync(() -> goOut(each), senders))
                .toArray(CompletableFuture<?>[]::new);
        try {
            CompletableFuture.allOf(going).join(); // completes once every group has, failed or not
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return claimed.size();
    }

    /**
     * One group: sent through every channel and marked delivered with its ReminderDue, or, once the engine is stopping
     * and the group has not started, released for another instance at once.
     */
    private void goOut(List<DeliveryChannel.Outgoing> group) {
        if (stopping) {
            reminders.release(claimer, group.stream().map(DeliveryChannel.Outgoing::reminder).toList());
            return;
        }
        List<Delivery> delivered = send(group);
        reminders.markDelivered(claimer, delivered);
        for (Delivery delivery : delivered) {
            if (delivery.reminder().rule() == ReminderRule.THANK_YOU_OVERDUE) {
                // The escalation replaces the first thank-you reminder in the inbox.
                reminders.close(delivery.reminder().owner(), Set.of(ReminderRule.SEND_THANK_YOU),
                        delivery.reminder().subjectId(), ReminderStatus.CLOSED);
            }
        }
    }

    /** Through every channel; what a channel could not deliver stays leased and is tried again when the lease runs out. */
    private List<Delivery> send(List<DeliveryChannel.Outgoing> together) {
        Set<Reminder> failed = new HashSet<>();
        for (DeliveryChannel channel : channels) {
            List<DeliveryChannel.Outgoing> left = failed.isEmpty() ? together
                    : together.stream().filter(each -> !failed.contains(each.reminder())).toList();
            try {
                failed.addAll(channel.deliverAll(left));
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "Could not deliver " + left.size() + " reminders, retrying after their lease", e);
                left.forEach(each -> failed.add(each.reminder()));
            }
        }
        List<Delivery> delivered = new ArrayList<>(together.size());
        for (DeliveryChannel.Outgoing each : together) {
            if (!failed.contains(each.reminder())) {
                delivered.add(new Delivery(each.reminder(), each.at(), each.late(),
                        each.preferences().byEmail() && each.preferences().digest()));
            }
        }
        return delivered;
    }

    /**
     * How long the delivery may rest after a round that left nothing due: until the next reminder falls due, at most
     * {@code longest} (reminders another instance stored, claims that ran out, quiet hours that ended: these are
     * found by looking, so at rest the delivery still looks once per {@code longest}). At rest this is one entry of
     * the due index per look, not a claim query every second.
     */
    public Duration restUntilNextDue(Duration longest) {
        nextLook = Instant.MAX; // a reminder stored while this is decided wakes the delivery
        Instant now = clock.instant();
        Instant latest = now.plus(longest);
        // After the instant the last claim looked up to, not after now: a reminder that fell due between that claim and
        // this look was not claimed, and "due after now" would skip it until the longest rest had passed. A worker
        // woken a moment before the due minute (its wait is counted in whole milliseconds) claimed nothing, looked just
        // after the minute began, and slept 10 s while 100,000 reminders were due (data-path benchmark, step 9).
        Instant from = claimedUpTo.isBefore(now) ? claimedUpTo : now;
        Instant next = reminders.nextDueAfter(from).filter(due -> due.isBefore(latest)).orElse(latest);
        nextLook = next;
        return Duration.between(now, next); // not positive when one fell due meanwhile: the next round starts at once
    }

    /** Called with {@link #dueAt}'s verdict: wakes the delivery's worker. */
    public void whenDueSooner(Runnable wakeUp) {
        this.wakeUp = wakeUp;
    }

    /** A reminder was stored due at {@code dueAt}: the delivery is woken if it would otherwise look later. */
    public void dueAt(Instant dueAt) {
        if (dueAt.isBefore(nextLook)) {
            wakeUp.run();
        }
    }

    /**
     * The instance is shutting down: the round in progress ends after the reminders in hand, and its other claims are
     * released for another instance; later rounds claim nothing.
     */
    public void stop() {
        stopping = true;
    }

    /** After the delivery has stopped (its worker ended): the sending threads end too. */
    @Override
    public void close() {
        if (sendingThreads != null) {
            sendingThreads.shutdown();
        }
    }

    public String claimer() {
        return claimer;
    }

    public Settings settings() {
        return settings;
    }
}
