package io.rapport.contacts.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.platform.domain.Member;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The IDLE slots: bounded, one instance per mailbox, a wake-up only, and polling again whenever IDLE is not there. */
class InboxIdleWatchTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration AT_MOST = Duration.ofSeconds(5);
    private static final InboxIdleWatch.Settings TWO_SLOTS = new InboxIdleWatch.Settings(2, Duration.ofHours(1),
            Duration.ofMinutes(10), Duration.ofMinutes(3), Duration.ofMinutes(5), Duration.ofDays(1));

    private final MovingClock clock = new MovingClock();
    private final FakeLeases leases = new FakeLeases();
    private final FakeIdler idler = new FakeIdler();
    private final AtomicInteger pollerWoken = new AtomicInteger();
    private InboxIdleWatch watch = new InboxIdleWatch(leases, idler, pollerWoken::incrementAndGet, "here", TWO_SLOTS,
            clock);

    @AfterEach
    void closeWatch() {
        watch.close();
    }

    @Test
    void atMostTheBoundOfMailboxesGetIdleAndTheOthersStayPolledUntilASlotFrees() {
        assertThat(watch.offer(mailbox("m-1"), server("m-1"))).isTrue();
        assertThat(watch.offer(mailbox("m-2"), server("m-2"))).isTrue();
        assertThat(watch.offer(mailbox("m-1"), server("m-1"))).as("already watched").isFalse();

        assertThat(watch.offer(mailbox("m-3"), server("m-3"))).as("beyond the bound: polled").isFalse();

        await().atMost(AT_MOST).until(() -> watch.isWatching("m-1") && watch.isWatching("m-2"));
        assertThat(watch.isWatching("m-3")).isFalse();
        assertThat(idler.opened).containsOnlyKeys("m-1", "m-2");
        assertThat(leases.holders).containsEntry("m-1", "here").containsEntry("m-2", "here").doesNotContainKey("m-3");
        await().atMost(AT_MOST).untilAsserted(() -> assertThat(leases.woken)
                .as("a fresh IDLE makes its mailbox due once, for what arrived before it").containsExactlyInAnyOrder("m-1", "m-2"));

        watch.stop("m-1"); // disconnected on this instance

        await().atMost(AT_MOST).until(() -> !watch.isWatching("m-1") && watch.size() == 1);
        assertThat(idler.opened.get("m-1").closed).isTrue();
        assertThat(leases.holders).doesNotContainKey("m-1");
        assertThat(watch.offer(mailbox("m-3"), server("m-3"))).as("the freed slot").isTrue();
        await().atMost(AT_MOST).until(() -> watch.isWatching("m-3"));
    }

    @Test
    void aMailboxWhoseIdleLeaseAnotherInstanceHoldsIsNotWatchedHereAndTakesNoSlot() {
        leases.holders.put("m-1", "elsewhere");

        assertThat(watch.offer(mailbox("m-1"), server("m-1"))).isFalse();

        assertThat(idler.opened).isEmpty();
        assertThat(watch.size()).isZero();
        assertThat(watch.offer(mailbox("m-2"), server("m-2"))).isTrue();
        assertThat(watch.offer(mailbox("m-3"), server("m-3"))).as("both slots were free").isTrue();
    }

    @Test
    void newMailMakesTheMailboxDueAndWakesThePollerAndALookInFlightIsWaitedFor() {
        watch.offer(mailbox("m-1"), server("m-1"));
        await().atMost(AT_MOST).until(() -> watch.isWatching("m-1") && leases.woken.size() == 1);
        int before = pollerWoken.get();

        leases.busy.set(2); // a look at it is in flight: the wake-up is tried again when the look is stored
        idler.opened.get("m-1").reports.add(true);

        await().atMost(AT_MOST).untilAsserted(() -> assertThat(leases.woken).hasSize(2));
        assertThat(leases.busy.get()).isZero();
        assertThat(pollerWoken.get()).isEqualTo(before + 1);

        idler.opened.get("m-1").reports.add(false); // a report that is not new mail (a flag, an expunge)
        idler.opened.get("m-1").reports.add(true);
        await().atMost(AT_MOST).untilAsserted(() -> assertThat(leases.woken).hasSize(3));
        assertThat(watch.isWatching("m-1")).isTrue();
    }

    @Test
    void aServerWithoutIdleIsPolledAndNotAskedAgainForADay() {
        idler.withoutIdle.add("m-1");

        assertThat(watch.offer(mailbox("m-1"), server("m-1"))).isTrue();

        await().atMost(AT_MOST).until(() -> watch.size() == 0);
        assertThat(watch.isWatching("m-1")).isFalse();
        assertThat(leases.holders).doesNotContainKey("m-1");
        assertThat(watch.offer(mailbox("m-1"), server("m-1"))).isFalse();
        clock.advance(Duration.ofDays(1));
        idler.withoutIdle.clear();
        assertThat(watch.offer(mailbox("m-1"), server("m-1"))).as("asked again a day later").isTrue();
    }

    @Test
    void aFailedIdleGivesItsSlotUpAndMakesTheMailboxDueSoThePollAndItsBackOffTakeOver() {
        watch.offer(mailbox("m-1"), server("m-1"));
        await().atMost(AT_MOST).until(() -> watch.isWatching("m-1") && leases.woken.size() == 1);

        idler.opened.get("m-1").reports.add(new MailboxReadFailure(MailboxReadFailure.Kind.UNREACHABLE, "Lost."));

        await().atMost(AT_MOST).until(() -> watch.size() == 0);
        await().atMost(AT_MOST).untilAsserted(() -> assertThat(leases.woken).hasSize(2));
        assertThat(leases.holders).doesNotContainKey("m-1");
        assertThat(watch.offer(mailbox("m-1"), server("m-1"))).as("polled for a while").isFalse();
        clock.advance(Duration.ofMinutes(5));
        assertThat(watch.offer(mailbox("m-1"), server("m-1"))).isTrue();
    }

    @Test
    void theLeaseCheckReissuesIdleInTimeAndEndsTheIdleOfAMailboxNoLongerConnected() {
        watch.offer(mailbox("m-1"), server("m-1"));
        watch.offer(mailbox("m-2"), server("m-2"));
        await().atMost(AT_MOST).until(() -> watch.isWatching("m-1") && watch.isWatching("m-2"));

        clock.advance(Duration.ofMinutes(1));
        watch.renewAll();
        assertThat(idler.opened.get("m-1").reissued.get()).as("not yet").isZero();

        leases.gone.add("m-2"); // disconnected, paused or erased on another instance
        clock.advance(Duration.ofMinutes(9));
        watch.renewAll();

        await().atMost(AT_MOST).untilAsserted(() -> assertThat(idler.opened.get("m-1").reissued).hasValue(1));
        await().atMost(AT_MOST).until(() -> idler.opened.get("m-2").closed && !watch.isWatching("m-2"));
        assertThat(watch.isWatching("m-1")).isTrue();
        assertThat(leases.until.get("m-1")).isEqualTo(clock.instant().plus(Duration.ofMinutes(3)));
    }

    @Test
    void noSlotsMeansEveryMailboxIsPolled() {
        watch.close();
        watch = new InboxIdleWatch(leases, idler, pollerWoken::incrementAndGet, "here", new InboxIdleWatch.Settings(0,
                Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(3), Duration.ofMinutes(5),
                Duration.ofDays(1)), clock);

        assertThat(watch.offer(mailbox("m-1"), server("m-1"))).isFalse();
        assertThat(idler.opened).isEmpty();
    }

    @Test
    void shuttingDownEndsEveryIdleAndGivesTheLeasesUp() {
        watch.offer(mailbox("m-1"), server("m-1"));
        watch.offer(mailbox("m-2"), server("m-2"));
        await().atMost(AT_MOST).until(() -> watch.isWatching("m-1") && watch.isWatching("m-2"));

        watch.close();

        assertThat(idler.opened.values()).allSatisfy(connection -> assertThat(connection.closed).isTrue());
        assertThat(watch.size()).isZero();
        assertThat(leases.holders).isEmpty();
        assertThat(watch.offer(mailbox("m-3"), server("m-3"))).isFalse();
    }

    private static Mailbox mailbox(String id) {
        return Mailbox.connect(id, new Member("alice-" + id, "uni"), server(id), "v1:sealed", START).state();
    }

    private static MailboxServer server(String id) {
        return new MailboxServer("imap.example.org", 993, true, id, "app password");
    }

    private static final class MovingClock extends Clock {
        private volatile Instant now = START;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static final class FakeLeases implements IdleLeases {
        final Map<String, String> holders = new ConcurrentHashMap<>();
        final Map<String, Instant> until = new ConcurrentHashMap<>();
        final List<String> woken = new CopyOnWriteArrayList<>();
        final List<String> gone = new CopyOnWriteArrayList<>();
        final AtomicInteger busy = new AtomicInteger();

        @Override
        public synchronized boolean holdIdle(Member owner, String mailboxId, String holder, Instant now, Instant to) {
            if (gone.contains(mailboxId)) {
                return false;
            }
            String current = holders.get(mailboxId);
            if (current != null && !current.equals(holder) && !until.getOrDefault(mailboxId, Instant.MAX).isBefore(now)) {
                return false;
            }
            holders.put(mailboxId, holder);
            until.put(mailboxId, to);
            return true;
        }

        @Override
        public synchronized void releaseIdle(Member owner, String mailboxId, String holder) {
            if (holder.equals(holders.get(mailboxId))) {
                holders.remove(mailboxId);
                until.remove(mailboxId);
            }
        }

        @Override
        public Wake wakeNow(Member owner, String mailboxId, Instant now) {
            if (gone.contains(mailboxId)) {
                return Wake.GONE;
            }
            if (busy.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return Wake.BUSY;
            }
            woken.add(mailboxId);
            return Wake.WOKEN;
        }
    }

    private static final class FakeIdler implements InboxIdler {
        final Map<String, FakeConnection> opened = new ConcurrentHashMap<>();
        final List<String> withoutIdle = new ArrayList<>();

        @Override
        public Optional<Connection> open(MailboxServer server) {
            if (withoutIdle.contains(server.user())) {
                return Optional.empty();
            }
            FakeConnection connection = new FakeConnection();
            opened.put(server.user(), connection);
            return Optional.of(connection);
        }
    }

    private static final class FakeConnection implements InboxIdler.Connection {
        private static final Object CLOSED = new Object();
        final BlockingQueue<Object> reports = new LinkedBlockingQueue<>();
        final AtomicInteger reissued = new AtomicInteger();
        volatile boolean closed;

        @Override
        public boolean awaitNewMail() {
            Object report;
            try {
                report = reports.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (report == CLOSED) {
                throw new IllegalStateException("connection closed");
            }
            if (report instanceof RuntimeException failure) {
                throw failure;
            }
            return (Boolean) report;
        }

        @Override
        public void reissue() {
            reissued.incrementAndGet();
            reports.add(false);
        }

        @Override
        public void close() {
            closed = true;
            reports.add(CLOSED);
        }
    }
}
