package io.rapport.contacts.mailbox;

import io.rapport.platform.domain.Member;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * IMAP IDLE on the INBOX of a bounded number of this instance's mailboxes, each on its own (virtual) thread: when the
 * server reports new mail, the mailbox is made due now, and the poller's usual claim and look do the work (so a
 * message is read once, by whichever instance claims the mailbox). IDLE is only a wake-up: the poll goes on, at the
 * longer interval of an IDLE-watched mailbox, as the safety net.
 *
 * <p>Bounded ({@link Settings#connections()}) because each IDLE holds a TCP connection (and a signed-in session
 * with the member's password) for as long as it lasts, and mail servers limit the connections per account and per
 * client address. A mailbox gets a slot after a good look, when a slot is free and no other instance holds the
 * mailbox's IDLE lease (one write by the mailbox's id); without a slot, or on a server without IDLE, it is polled.
 * Every {@link Settings#check()} each lease is renewed, which also finds mailboxes disconnected, paused, erased or
 * connected again (their IDLE ends); the IDLE itself is sent anew every {@link Settings#reissue()}, well within the
 * 29 minutes after which servers may end it. A failed connection gives its slot up, makes the mailbox due (the poll,
 * with its back-off, takes over) and is not offered IDLE again for {@link Settings#retryAfterFailure()}.
 */
public class InboxIdleWatch implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(InboxIdleWatch.class.getName());
    /** How soon a wake-up refused because a look was in flight is tried again. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    /**
     * @param connections IDLE connections this instance holds at most
     * @param check how often the leases are renewed (and lost mailboxes found)
     * @param reissue how often IDLE is sent anew (under the servers' 29-minute limit)
     * @param lease how long a lease holds without renewal (an instance that died gives its mailboxes up after it)
     * @param retryAfterFailure how long a mailbox whose IDLE failed is only polled
     * @param retryUnsupported how long a mailbox whose server does not offer IDLE is only polled before asking again
     */
    public record Settings(int connections, Duration check, Duration reissue, Duration lease, Duration retryAfterFailure,
            Duration retryUnsupported) {
    }

    private final IdleLeases leases;
    private final InboxIdler idler;
    private final Runnable wakePoller;
    private final Settings settings;
    private final Clock clock;
    /** This instance, in the leases. */
    private final String holder;
    private final Semaphore slots;
    private final Map<String, Watcher> watching = new ConcurrentHashMap<>();
    /** Mailboxes not offered IDLE until then (their server has none, or their IDLE failed). */
    private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;
    private volatile boolean closed;

    public InboxIdleWatch(IdleLeases leases, InboxIdler idler, Runnable wakePoller, String holder, Settings settings,
            Clock clock) {
        this.leases = leases;
        this.idler = idler;
        this.wakePoller = wakePoller;
        this.holder = holder;
        this.settings = settings;
        this.clock = clock;
        this.slots = new Semaphore(Math.max(0, settings.connections()));
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> Thread.ofPlatform().daemon()
                .name("mailbox-idle-leases").unstarted(runnable));
        long every = settings.check().toMillis();
        ticker.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** Whether this instance holds IMAP IDLE on the mailbox now (so its poll may wait longer). */
    public boolean isWatching(String mailboxId) {
        Watcher watcher = watching.get(mailboxId);
        return watcher != null && watcher.established;
    }

    /** How many IDLE connections this instance holds or is opening. */
    public int size() {
        return watching.size();
    }

    /**
     * After a good look: starts IDLE on the mailbox if a slot is free, it is not already watched, its server was not
     * found without IDLE (or its IDLE failing) lately, and no other instance holds its lease.
     *
     * @param server with the unsealed password, for the IDLE's own connection
     * @return true when an IDLE was started
     */
    public boolean offer(Mailbox mailbox, MailboxServer server) {
        String id = mailbox.id();
        if (closed || watching.containsKey(id)) {
            return false;
        }
        Instant now = clock.instant();
        Instant wait = notBefore.get(id);
        if (wait != null) {
            if (now.isBefore(wait)) {
                return false;
            }
            notBefore.remove(id, wait);
        }
        if (!slots.tryAcquire()) {
            return false;
        }
        Watcher watcher = new Watcher(mailbox.owner(), id, server);
        if (watching.putIfAbsent(id, watcher) != null) {
            slots.release();
            return false;
        }
        boolean held;
        try {
            held = leases.holdIdle(mailbox.owner(), id, holder, now, now.plus(settings.lease()));
        } catch (RuntimeException storeFailed) {
            held = false;
        }
        if (!held) {
            watching.remove(id, watcher);
            slots.release();
            return false;
        }
        watcher.thread = idleThread().name("mailbox-idle-" + id).start(watcher::run);
        return true;
    }

    /**
     * A virtual thread from Java 24 on; before that a platform thread (a small stack): Angus waits for the server's
     * IDLE reports inside a {@code synchronized} method, which on Java 21 pins a virtual thread's carrier for as long
     * as the IDLE lasts, and a pinned carrier is not replaced, so two IDLEs would hold a 2-core machine's carriers.
     */
    static Thread.Builder idleThread() {
        return Runtime.version().feature() >= 24 ? Thread.ofVirtual()
                : Thread.ofPlatform().daemon().stackSize(256 * 1024);
    }

    /** Ends the mailbox's IDLE here, if any (disconnected, paused or connected again on this instance). */
    public void stop(String mailboxId) {
        Watcher watcher = watching.get(mailboxId);
        if (watcher != null) {
            watcher.stop();
        }
    }

    /**
     * Renews every lease; a mailbox that is no longer the connected one (or whose lease another instance took) ends
     * its IDLE; an IDLE older than {@link Settings#reissue()} is sent anew.
     */
    void renewAll() {
        Instant now = clock.instant();
        for (Watcher watcher : List.copyOf(watching.values())) {
            boolean held;
            try {
                held = leases.holdIdle(watcher.owner, watcher.mailboxId, holder, now, now.plus(settings.lease()));
            } catch (RuntimeException storeFailed) {
                continue; // the lease outlasts a few checks: try again at the next
            }
            if (!held) {
                watcher.stop();
            } else if (watcher.established && !now.isBefore(watcher.issuedAt.plus(settings.reissue()))) {
                watcher.issuedAt = now;
                InboxIdler.Connection connection = watcher.connection;
                if (connection != null) {
                    idleThread().start(() -> {
                        try {
                            connection.reissue();
                        } catch (RuntimeException failed) {
                            watcher.stop(); // the IDLE loop sees the connection fail as well
                        }
                    });
                }
            }
        }
    }

    /** Shutting down: every IDLE ends and its lease is given up (waits a few seconds for them). */
    @Override
    public void close() {
        closed = true;
        ticker.shutdownNow();
        List<Thread> ending = new ArrayList<>();
        for (Watcher watcher : List.copyOf(watching.values())) {
            watcher.stop();
            if (watcher.thread != null) {
                ending.add(watcher.thread);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Thread thread : ending) {
            try {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final class Watcher {
        private final Member owner;
        private final String mailboxId;
        private final MailboxServer server;
        private final AtomicBoolean retrying = new AtomicBoolean();
        private volatile InboxIdler.Connection connection;
        private volatile boolean established;
        private volatile boolean stopped;
        private volatile Instant issuedAt;
        private volatile Thread thread;

        Watcher(Member owner, String mailboxId, MailboxServer server) {
            this.owner = owner;
            this.mailboxId = mailboxId;
            this.server = server;
        }

        void run() {
            boolean failed = false;
            try {
                Optional<InboxIdler.Connection> opened = idler.open(server);
                if (opened.isEmpty()) {
                    notBefore.put(mailboxId, clock.instant().plus(settings.retryUnsupported()));
                    return;
                }
                connection = opened.get();
                if (stopped) {
                    return;
                }
                issuedAt = clock.instant();
                established = true;
                // what arrived between the look that offered this IDLE and the IDLE itself: one look now covers it
                wake();
                while (!stopped) {
                    if (connection.awaitNewMail()) {
                        wake();
                    }
                }
            } catch (RuntimeException lost) { // MailboxReadFailure, or the connection closed under it
                if (!stopped) {
                    failed = true;
                    LOG.log(System.Logger.Level.INFO, "IDLE on mailbox {0} ended, polled instead: {1}", mailboxId,
                            lost.getMessage());
                }
            } finally {
                established = false;
                closeConnection();
                watching.remove(mailboxId, this);
                slots.release();
                try {
                    leases.releaseIdle(owner, mailboxId, holder);
                } catch (RuntimeException storeFailed) {
                    // the lease runs out on its own
                }
                if (failed) {
                    notBefore.put(mailboxId, clock.instant().plus(settings.retryAfterFailure()));
                    wake(); // due now: the look fails or succeeds as a poll, with its back-off
                }
            }
        }

        /** New mail (or a fresh IDLE, or a lost one): the mailbox is due now, and the poller is told. */
        void wake() {
            if (closed || stopped) {
                return;
            }
            IdleLeases.Wake result;
            try {
                result = leases.wakeNow(owner, mailboxId, clock.instant());
            } catch (RuntimeException storeFailed) {
                result = IdleLeases.Wake.BUSY;
            }
            switch (result) {
                case WOKEN -> wakePoller.run();
                case BUSY -> {
                    if (retrying.compareAndSet(false, true)) {
                        try {
                            ticker.schedule(() -> {
                                retrying.set(false);
                                wake();
                            }, BUSY_RETRY.toMillis(), TimeUnit.MILLISECONDS);
                        } catch (RejectedExecutionException shuttingDown) {
                            retrying.set(false);
                        }
                    }
                }
                case GONE -> stop();
            }
        }

        void stop() {
            stopped = true;
            closeConnection();
        }

        private void closeConnection() {
            InboxIdler.Connection open = connection;
            if (open != null) {
                try {
                    open.close();
                } catch (RuntimeException alreadyGone) {
                    // nothing more to end
                }
            }
        }
    }
}
