package io.rapport.reminders.reminders;

import static io.rapport.reminders.Times.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.events.ReminderDue;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.EventJson;
import io.rapport.platform.messaging.Outbox;
import io.rapport.reminders.EmbeddedStore;
import io.rapport.reminders.preferences.MemberPreferences;
import io.rapport.reminders.preferences.Preferences;
import io.rapport.reminders.reminders.persistence.MongoReminders;
import io.rapport.test.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Exactly-once delivery with leases, on the real MongoDB adapter. */
class DeliveryEngineTest {

    private static final Instant NOW = Instant.parse("2026-02-02T09:00:00Z");
    private static final DeliveryEngine.Settings SETTINGS =
            new DeliveryEngine.Settings(Duration.ofSeconds(60), Duration.ofMinutes(5), 200, 1);

    private static TestClock clock;
    private static EmbeddedStore store;
    private Member member;

    @BeforeAll
    static void startStore() {
        clock = new TestClock(NOW);
        store = new EmbeddedStore(clock);
    }

    @AfterAll
    static void stopStore() {
        store.close();
    }

    @BeforeEach
    void newMember() {
        clock.set(NOW);
        member = new Member("ada", "uni-" + UUID.randomUUID());
    }

    @Test
    void severalClaimersRacingOverThousandsOfDueRemindersDeliverEachExactlyOnce() throws Exception {
        int count = 3000;
        for (int i = 0; i < count; i++) {
            store.reminders.schedule(reminder("subject-" + i, NOW.minusSeconds(i % 60)));
        }
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        DeliveryChannel counting = (reminder, prefs, late) ->
                deliveries.computeIfAbsent(reminder.id(), id -> new AtomicInteger()).incrementAndGet();
        int claimers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        // Every claimer's first round at once, so they race for the same oldest reminders; and a claimer that lost a
        // race (claimed nothing) tries again while any reminder is undelivered. Left to start one after another, one
        // claimer could deliver all 3,000 before the others began, and the race this test is about never happened.
        CyclicBarrier together = new CyclicBarrier(claimers);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try {
            List<Future<Integer>> rounds = new ArrayList<>();
            for (int c = 0; c < claimers; c++) {
                // Half of them send a round's groups on several threads at once.
                DeliveryEngine engine = engine("claimer-" + c, new DeliveryEngine.Settings(SETTINGS.lease(),
                        SETTINGS.lateAfter(), SETTINGS.batchSize(), 20, c % 2 == 0 ? 1 : 3), counting);
                rounds.add(pool.submit(() -> {
                    int mine = 0;
                    together.await();
                    while (deliveries.size() < count && System.nanoTime() < deadline) {
                        mine += engine.deliverDue();
                    }
                    return mine;
                }));
            }
            int claimedInAll = 0;
            List<Integer> perClaimer = new ArrayList<>();
            for (Future<Integer> round : rounds) {
                perClaimer.add(round.get());
                claimedInAll += perClaimer.getLast();
            }

            assertThat(claimedInAll).isEqualTo(count);
            assertThat(perClaimer).as("the work was shared").filteredOn(n -> n > 0).hasSizeGreaterThan(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(deliveries).hasSize(count);
        assertThat(deliveries.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        List<Document> stored = store.mongo.find(Query.query(Criteria.where("tenantId").is(member.tenantId())),
                Document.class, MongoReminders.COLLECTION);
        assertThat(stored).hasSize(count).allSatisfy(d -> {
            assertThat(d.getString("status")).isEqualTo("DELIVERED");
            assertThat(d.getList(Outbox.FIELD, Document.class)).as("one ReminderDue each").hasSize(1);
        });
    }

    @Test
    void aReminderFallingDueBetweenARoundsClaimAndItsLookForTheNextIsDeliveredAtOnce() {
        Instant later = NOW.plus(Duration.ofDays(500)); // after every other test's reminders
        clock.set(later);
        Reminder due = reminder("due-in-between", later.plusMillis(3));
        store.reminders.schedule(due);
        List<String> delivered = new ArrayList<>();
        DeliveryEngine engine = engine("in-between", (reminder, prefs, late) -> delivered.add(reminder.id()));

        while (engine.deliverDue() > 0) {
            // other tests' reminders left due in the shared store
        }
        assertThat(delivered).as("claimed a moment before it is due").isEmpty();
        clock.advance(Duration.ofMillis(5)); // the round's claim took a few milliseconds: it is due when the look comes

        assertThat(engine.restUntilNextDue(Duration.ofSeconds(10)).isPositive()).as("no rest: it fell due after the claim")
                .isFalse();
        engine.deliverDue();
        assertThat(delivered).containsExactly(due.id());
    }

    @Test
    void atRestTheDeliveryWaitsForTheNextDueReminderAndOneStoredSoonerWakesIt() {
        Instant later = NOW.plus(Duration.ofDays(400)); // after every other test's reminders
        clock.set(later);
        AtomicInteger wakes = new AtomicInteger();
        DeliveryEngine engine = engine("resting", (reminder, prefs, late) -> { });
        engine.whenDueSooner(wakes::incrementAndGet);
        store.reminders.whenScheduled(engine::dueAt);
        try {
            assertThat(engine.restUntilNextDue(Duration.ofSeconds(10))).as("nothing due: the longest rest")
                    .isEqualTo(Duration.ofSeconds(10));

            store.reminders.schedule(reminder("soon", later.plusSeconds(4)));
            assertThat(wakes).as("due before the planned look").hasValue(1);
            assertThat(engine.restUntilNextDue(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(4));

            store.reminders.schedule(reminder("after", later.plusSeconds(8)));
            assertThat(wakes).as("due after the planned look: it is found then").hasValue(1);
            Reminder soon = store.reminders.open(member, 10).getFirst();
            store.reminders.snooze(member, soon.id(), later.plusSeconds(2), null);
            assertThat(wakes).as("snoozed to sooner").hasValue(2);
            assertThat(engine.restUntilNextDue(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(2));
            assertThat(store.backend.fullScans().counts()).as("the next due time is read from the due index")
                    .noneSatisfy((shape, count) -> assertThat(shape).contains("reminders"));
        } finally {
            store.reminders.whenScheduled(dueAt -> { });
        }
    }

    @Test
    void aClaimNobodyRacedReturnsEachReminderAsStoredAfterTheClaim() {
        for (int i = 0; i < 3; i++) {
            store.reminders.schedule(reminder("alone-" + i, NOW));
        }

        List<Reminder> claimed = store.reminders.claimDue(NOW, "alone", NOW.plusSeconds(60), 500).stream()
                .filter(r -> r.owner().equals(member)).toList();

        assertThat(claimed).hasSize(3).allSatisfy(r -> {
            assertThat(r.version()).as("one write, the claim").isEqualTo(1);
            assertThat(store.reminders.find(member, r.id())).contains(r);
        });
        assertThat(store.reminders.markDelivered("alone",
                claimed.stream().map(r -> new Delivery(r, NOW, false, false)).toList())).isEqualTo(3);
    }

    @Test
    void aCrashedClaimersLeaseRunsOutAndAnotherDeliversTheReminder() {
        Reminder due = reminder("subject-1", NOW);
        store.reminders.schedule(due);
        List<String> delivered = new ArrayList<>();
        List<Reminder> claimedByTheCrashed = store.reminders.claimDue(NOW, "crashed", NOW.plusSeconds(60), 10);
        assertThat(claimedByTheCrashed).extracting(Reminder::id).contains(due.id());

        DeliveryEngine survivor = engine("survivor", (r, p, late) -> delivered.add(r.id()));
        survivor.deliverDue();
        assertThat(delivered).as("still leased").doesNotContain(due.id());

        clock.advance(Duration.ofSeconds(61));
        survivor.deliverDue();
        assertThat(delivered).containsOnlyOnce(due.id());
        assertThat(store.reminders.markDelivered("crashed", List.of(new Delivery(due, NOW, false, false))))
                .as("the crashed claimer, back, cannot deliver it a second time").isZero();
        assertThat(store.reminders.find(member, due.id()).orElseThrow().status()).isEqualTo(ReminderStatus.DELIVERED);
    }

    @Test
    void aStoppingClaimerFinishesTheReminderInHandAndReleasesTheRestAtOnce() {
        for (int i = 0; i < 3; i++) {
            store.reminders.schedule(reminder("stopping-" + i, NOW));
        }
        List<String> deliveredBeforeStop = new ArrayList<>();
        AtomicReference<DeliveryEngine> stopping = new AtomicReference<>();
        stopping.set(engine("stopping", (r, p, late) -> {
            deliveredBeforeStop.add(r.id());
            stopping.get().stop(); // the shutdown signal arrives while the first reminder is being delivered
        }));
        List<String> deliveredByTheOther = new ArrayList<>();
        DeliveryEngine other = engine("other", (r, p, late) -> deliveredByTheOther.add(r.id()));

        stopping.get().deliverDue();
        other.deliverDue(); // at the same instant: no lease left to run out

        assertThat(deliveredBeforeStop).hasSize(1);
        assertThat(deliveredByTheOther).hasSize(2).doesNotContainAnyElementsOf(deliveredBeforeStop);
        assertThat(stopping.get().deliverDue()).as("a stopped engine claims nothing more").isZero();
        assertThat(store.reminders.all(member)).extracting(Reminder::status).containsOnly(ReminderStatus.DELIVERED);
    }

    @Test
    void aStoppingClaimerFinishesTheRemindersGoingOutTogetherAndReleasesTheRest() {
        for (int i = 0; i < 5; i++) {
            store.reminders.schedule(reminder("together-" + i, NOW));
        }
        List<String> deliveredBeforeStop = new ArrayList<>();
        AtomicReference<DeliveryEngine> stopping = new AtomicReference<>();
        stopping.set(engine("stopping-together", sendingTogether(2), (r, p, late) -> {
            deliveredBeforeStop.add(r.id());
            stopping.get().stop(); // arrives while the first two are going out
        }));
        List<String> deliveredByTheOther = new ArrayList<>();
        DeliveryEngine other = engine("other", (r, p, late) -> deliveredByTheOther.add(r.id()));

        stopping.get().deliverDue();
        other.deliverDue();

        assertThat(deliveredBeforeStop).hasSize(2);
        assertThat(deliveredByTheOther).hasSize(3).doesNotContainAnyElementsOf(deliveredBeforeStop);
        assertThat(store.reminders.all(member)).extracting(Reminder::status).containsOnly(ReminderStatus.DELIVERED);
    }

    @Test
    void aRoundsGroupsGoOutAtOnceOnTheSendersAndEachIsMarkedDeliveredOnce() {
        for (int i = 0; i < 12; i++) {
            store.reminders.schedule(reminder("parallel-" + i, NOW));
        }
        // Each group waits until four are going out at once: sent one after another, they would never be.
        CountDownLatch fourAtOnce = new CountDownLatch(4);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        DeliveryChannel waitingForTheOthers = new DeliveryChannel() {
            @Override
            public void deliver(Reminder reminder, Preferences preferences, boolean late) {
                if (reminder.owner().equals(member)) { // the store is shared by the tests
                    deliveries.computeIfAbsent(reminder.id(), id -> new AtomicInteger()).incrementAndGet();
                }
            }

            @Override
            public Set<Reminder> deliverAll(List<Outgoing> outgoing) {
                threads.add(Thread.currentThread().getName());
                fourAtOnce.countDown();
                try {
                    if (!fourAtOnce.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the groups did not go out at once");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return DeliveryChannel.super.deliverAll(outgoing);
            }
        };
        try (DeliveryEngine engine = new DeliveryEngine(store.reminders, store.preferences,
                List.of(waitingForTheOthers), clock, "parallel",
                new DeliveryEngine.Settings(SETTINGS.lease(), SETTINGS.lateAfter(), SETTINGS.batchSize(), 3, 4))) {

            assertThat(engine.deliverDue()).isGreaterThanOrEqualTo(12);
        }

        assertThat(threads).hasSize(4).allSatisfy(name -> assertThat(name).startsWith("reminder-sending-"));
        assertThat(deliveries).hasSize(12);
        assertThat(deliveries.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(store.reminders.all(member)).hasSize(12).allSatisfy(reminder -> {
            assertThat(reminder.status()).isEqualTo(ReminderStatus.DELIVERED);
            assertThat(outboxEvent(reminder.id()).reminderId()).isEqualTo(reminder.id());
        });
    }

    @Test
    void aStoppingClaimerSendingOnSeveralThreadsFinishesTheGroupsInHandAndReleasesTheRest() {
        for (int i = 0; i < 10; i++) {
            store.reminders.schedule(reminder("stopping-parallel-" + i, NOW));
        }
        Set<String> deliveredBeforeStop = ConcurrentHashMap.newKeySet();
        AtomicReference<DeliveryEngine> stopping = new AtomicReference<>();
        stopping.set(engine("stopping-parallel", new DeliveryEngine.Settings(SETTINGS.lease(), SETTINGS.lateAfter(),
                SETTINGS.batchSize(), 1, 2), (r, p, late) -> {
            deliveredBeforeStop.add(r.id());
            stopping.get().stop(); // arrives while the first groups are going out
        }));
        List<String> deliveredByTheOther = new ArrayList<>();
        DeliveryEngine other = engine("other", (r, p, late) -> deliveredByTheOther.add(r.id()));

        stopping.get().deliverDue();
        stopping.get().close();
        other.deliverDue(); // at the same instant: only released claims can be taken

        assertThat(deliveredBeforeStop).as("at most one group per sender was in hand").hasSizeBetween(1, 2);
        assertThat(deliveredByTheOther).hasSize(10 - deliveredBeforeStop.size())
                .doesNotContainAnyElementsOf(deliveredBeforeStop);
        assertThat(store.reminders.all(member)).extracting(Reminder::status).containsOnly(ReminderStatus.DELIVERED);
    }

    @Test
    void aRoundsMailsGoOutTogetherAndOneTheServerRefusedIsSentAgainAfterItsLease() {
        store.preferences.save(member, Preferences.of("Europe/Berlin", null, List.of("EMAIL"), "ada@example.com", false,
                null, null, null, null, null));
        for (int i = 0; i < 5; i++) {
            store.reminders.schedule(reminder("mailed-" + i, NOW));
        }
        List<List<String>> connections = new ArrayList<>();
        Mailer mailer = new Mailer() {
            @Override
            public void send(String to, String subject, String body) {
                throw new AssertionError("mails of a round are sent together");
            }

            @Override
            public java.util.Set<Integer> sendAll(List<Mail> mails) {
                connections.add(mails.stream().map(Mail::to).toList());
                // The server refuses the very first mail once.
                return connections.size() == 1 ? java.util.Set.of(0) : java.util.Set.of();
            }
        };
        DeliveryEngine engine = new DeliveryEngine(store.reminders, store.preferences, List.of(new EmailChannel(mailer)),
                clock, "mailing", sendingTogether(3));

        engine.deliverDue();
        assertThat(connections).as("5 mails over 2 connections").extracting(List::size).containsExactly(3, 2);
        assertThat(store.reminders.all(member)).extracting(Reminder::status)
                .containsExactlyInAnyOrder(ReminderStatus.SCHEDULED, ReminderStatus.DELIVERED, ReminderStatus.DELIVERED,
                        ReminderStatus.DELIVERED, ReminderStatus.DELIVERED);

        engine.deliverDue();
        assertThat(connections).as("nothing sent again while the refused one is leased").hasSize(2);
        clock.advance(Duration.ofSeconds(61));
        engine.deliverDue();

        assertThat(connections).hasSize(3);
        assertThat(connections.getLast()).containsExactly("ada@example.com");
        assertThat(store.reminders.all(member)).extracting(Reminder::status).containsOnly(ReminderStatus.DELIVERED);
    }

    @Test
    void aRoundReadsItsMembersPreferencesTogetherAndMailsEachMemberAtTheirOwnAddress() {
        Member grace = new Member("grace", member.tenantId());
        Member sameIdElsewhere = new Member("ada", "uni-" + UUID.randomUUID());
        Member noPreferences = new Member("linus", member.tenantId());
        String ada = "ada-" + member.tenantId() + "@example.com";
        String graces = "grace-" + member.tenantId() + "@example.com";
        String otherAda = "ada-" + sameIdElsewhere.tenantId() + "@example.com";
        store.preferences.save(member, Preferences.of("Europe/Berlin", null, List.of("EMAIL"), ada, false,
                null, null, null, null, null));
        store.preferences.save(grace, Preferences.of("Europe/Berlin", null, List.of("EMAIL"), graces, false,
                null, null, null, null, null));
        store.preferences.save(sameIdElsewhere, Preferences.of("Europe/Berlin", null, List.of("EMAIL"), otherAda, false,
                null, null, null, null, null));
        for (Member owner : List.of(member, grace, noPreferences)) {
            store.reminders.schedule(Reminder.planned(owner, ReminderRule.CHECK_IN, "subject", "c-1", null,
                    "Check in with your contact", NOW, NOW.plus(Duration.ofDays(1))));
        }
        List<String> mailedTo = new ArrayList<>();
        Mailer mailer = new Mailer() {
            @Override
            public void send(String to, String subject, String body) {
                mailedTo.add(to);
            }
        };
        AtomicInteger oneByOne = new AtomicInteger();
        AtomicInteger together = new AtomicInteger();
        MemberPreferences counted = new MemberPreferences() {
            @Override
            public java.util.Optional<Preferences> find(Member owner) {
                oneByOne.incrementAndGet();
                return store.preferences.find(owner);
            }

            @Override
            public Map<Member, Preferences> ofAll(java.util.Collection<Member> members) {
                together.incrementAndGet();
                return store.preferences.ofAll(members);
            }

            @Override
            public void save(Member owner, Preferences preferences) {
                throw new AssertionError("delivery saves no preferences");
            }

            @Override
            public void observeTimeZone(Member owner, ZoneId zone) {
                throw new AssertionError("delivery observes no zone");
            }

            @Override
            public void erase(Member owner) {
                throw new AssertionError("delivery erases nothing");
            }
        };
        DeliveryEngine engine = new DeliveryEngine(store.reminders, counted, List.of(new EmailChannel(mailer)), clock,
                "together", SETTINGS);

        engine.deliverDue();

        // The member without preferences gets the defaults (in-app only): no mail, but delivered.
        assertThat(mailedTo).filteredOn(to -> to.endsWith(member.tenantId() + "@example.com") || to.equals(otherAda))
                .containsExactlyInAnyOrder(ada, graces);
        assertThat(store.reminders.all(noPreferences)).extracting(Reminder::status)
                .containsExactly(ReminderStatus.DELIVERED);
        assertThat(together).as("one read for the round").hasValue(1);
        assertThat(oneByOne).as("no read per member").hasValue(0);
    }

    @Test
    void remindersMissedDuringDowntimeAreDeliveredOnceMarkedLate() {
        Reminder missed = reminder("missed", NOW.minus(Duration.ofHours(6)));
        Reminder onTime = reminder("on-time", NOW.minusSeconds(30));
        store.reminders.schedule(missed);
        store.reminders.schedule(onTime);
        List<Boolean> lateness = new ArrayList<>();
        DeliveryEngine engine = engine("restarted", (r, p, late) -> lateness.add(late));

        engine.deliverDue();
        engine.deliverDue();

        assertThat(lateness).hasSize(2);
        Reminder deliveredLate = store.reminders.find(member, missed.id()).orElseThrow();
        assertThat(deliveredLate.late()).isTrue();
        assertThat(deliveredLate.deliveredAt()).isEqualTo(NOW);
        assertThat(store.reminders.find(member, onTime.id()).orElseThrow().late()).isFalse();
        ReminderDue event = outboxEvent(missed.id());
        assertThat(event.late()).isTrue();
        assertThat(event.dueAt()).isEqualTo(missed.dueAt());
        assertThat(event.rule()).isEqualTo("CHECK_IN");
    }

    @Test
    void aReminderMissedDuringDowntimeWaitsForTheEndOfQuietHours() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        store.preferences.save(member, Preferences.of("Europe/Berlin", null, null, null, false, "22:00", "07:00", null,
                null, null));
        Reminder missed = reminder("missed-at-night", at("2026-02-02T21:00", berlin));
        store.reminders.schedule(missed);
        List<Boolean> deliveries = new ArrayList<>();
        DeliveryEngine engine = engine("night", (r, p, late) -> deliveries.add(late));

        clock.set(at("2026-02-03T03:00", berlin));
        engine.deliverDue();
        clock.set(at("2026-02-03T06:59", berlin));
        engine.deliverDue();
        assertThat(deliveries).as("inside quiet hours").isEmpty();

        clock.set(at("2026-02-03T07:00", berlin));
        engine.deliverDue();
        assertThat(deliveries).containsExactly(true);
        assertThat(store.reminders.find(member, missed.id()).orElseThrow().deliveredAt()).isEqualTo(at("2026-02-03T07:00", berlin));
    }

    @Test
    void nothingIsDeliveredBeforeItsTime() {
        store.reminders.schedule(reminder("later", NOW.plusSeconds(1)));
        List<String> delivered = new ArrayList<>();

        engine("early", (r, p, late) -> delivered.add(r.id())).deliverDue();

        assertThat(delivered).isEmpty();
    }

    @Test
    void aFailingChannelLeavesTheReminderToBeRetriedAfterItsLease() {
        Reminder due = reminder("flaky", NOW);
        store.reminders.schedule(due);
        AtomicInteger attempts = new AtomicInteger();
        DeliveryEngine engine = engine("flaky", (r, p, late) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("SMTP server unavailable");
            }
        });

        engine.deliverDue();
        assertThat(store.reminders.find(member, due.id()).orElseThrow().status()).isEqualTo(ReminderStatus.SCHEDULED);
        clock.advance(Duration.ofSeconds(61));
        engine.deliverDue();

        assertThat(attempts).hasValue(2);
        assertThat(store.reminders.find(member, due.id()).orElseThrow().status()).isEqualTo(ReminderStatus.DELIVERED);
    }

    @Test
    void theOverdueThankYouReplacesTheFirstThankYouReminder() {
        Reminder first = Reminder.planned(member, ReminderRule.SEND_THANK_YOU, "i-1", "c-1", null, "Send your thank-you",
                NOW.minus(Duration.ofHours(24)), NOW);
        Reminder overdue = Reminder.planned(member, ReminderRule.THANK_YOU_OVERDUE, "i-1", "c-1", null,
                "Overdue: your thank-you", NOW, NOW);
        store.reminders.schedule(first);
        store.reminders.schedule(overdue);
        DeliveryEngine engine = engine("escalation", (r, p, late) -> { });

        engine.deliverDue();

        assertThat(store.reminders.find(member, first.id()).orElseThrow().status()).isEqualTo(ReminderStatus.CLOSED);
        assertThat(store.reminders.find(member, overdue.id()).orElseThrow().status()).isEqualTo(ReminderStatus.DELIVERED);
    }

    @Test
    void aSnoozedReminderIsDeliveredAgainAtItsNewTime() {
        Reminder due = reminder("snoozed", NOW);
        store.reminders.schedule(due);
        List<Instant> deliveredAt = new ArrayList<>();
        DeliveryEngine engine = engine("snooze", (r, p, late) -> deliveredAt.add(clock.instant()));
        Inbox inbox = new Inbox(store.reminders, clock);
        engine.deliverDue();

        inbox.snooze(member, due.id(), NOW.plus(Duration.ofHours(2)));
        clock.advance(Duration.ofHours(1));
        engine.deliverDue();
        assertThat(inbox.view(member).get(InboxSection.UPCOMING)).extracting(Reminder::id).containsExactly(due.id());
        clock.advance(Duration.ofHours(1));
        engine.deliverDue();

        assertThat(deliveredAt).containsExactly(NOW, NOW.plus(Duration.ofHours(2)));
        assertThat(inbox.view(member).get(InboxSection.DUE)).extracting(Reminder::id).containsExactly(due.id());
    }

    @Test
    void digestMembersGetNoSingleMailButAPendingDigestEntry() {
        store.preferences.save(member, Preferences.of("Europe/Berlin", null, List.of("EMAIL"), "ada@example.com", true,
                null, null, null, null, null));
        Reminder due = reminder("digested", NOW);
        store.reminders.schedule(due);
        List<String> mails = new ArrayList<>();
        Mailer mailer = (to, subject, body) -> mails.add(to + "|" + subject + "|" + body);
        DeliveryEngine engine = new DeliveryEngine(store.reminders, store.preferences, List.of(new EmailChannel(mailer)),
                clock, "digest", SETTINGS);
        DailyDigest digest = new DailyDigest(store.reminders, store.preferences, store.preferences, mailer, clock);

        engine.deliverDue();
        assertThat(mails).isEmpty();
        assertThat(digest.sendDue()).as("09:00 UTC is 10:00 in Berlin, after the member's morning").isEqualTo(1);
        assertThat(digest.sendDue()).as("one digest a day").isZero();

        assertThat(mails).singleElement().satisfies(mail -> assertThat(mail)
                .startsWith("ada@example.com|Rapport daily digest: 1 reminder|").contains(due.title()));
        assertThat(store.reminders.pendingDigest(member)).isEmpty();
    }

    private Reminder reminder(String subject, Instant dueAt) {
        return Reminder.planned(member, ReminderRule.CHECK_IN, subject, "c-1", null, "Check in with your contact",
                dueAt, dueAt.plus(Duration.ofDays(1)));
    }

    private static DeliveryEngine.Settings sendingTogether(int together) {
        return new DeliveryEngine.Settings(SETTINGS.lease(), SETTINGS.lateAfter(), SETTINGS.batchSize(), together);
    }

    private DeliveryEngine engine(String claimer, DeliveryChannel channel) {
        return engine(claimer, SETTINGS, channel);
    }

    /** An engine whose channel sees only this test's member (the store is shared by the tests). */
    private DeliveryEngine engine(String claimer, DeliveryEngine.Settings settings, DeliveryChannel channel) {
        DeliveryChannel thisMembers = (reminder, prefs, late) -> {
            if (reminder.owner().equals(member)) {
                channel.deliver(reminder, prefs, late);
            }
        };
        return new DeliveryEngine(store.reminders, store.preferences, List.of(thisMembers), clock, claimer, settings);
    }

    private ReminderDue outboxEvent(String reminderId) {
        Document stored = store.mongo.findById(reminderId, Document.class, MongoReminders.COLLECTION);
        Document pending = stored.getList(Outbox.FIELD, Document.class).getFirst();
        assertThat(pending.getString("type")).isEqualTo("ReminderDue");
        return EventJson.read(pending.getString("payload").getBytes(StandardCharsets.UTF_8), ReminderDue.class);
    }
}
