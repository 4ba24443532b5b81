package io.rapport.launcher.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Asks a service's route through the gateway every 200 ms, as a member of its own, from the moment a fault is done to
 * it until it has recovered, and keeps the longest time between two questions that were answered (the first counted
 * from the fault). With two instances the other one must carry on: issue 17 wants no gap longer than the consumers'
 * session timeout; with one it is the whole outage.
 *
 * <p>It asks on a clock, not after each answer. Waiting for each answer first made one question that reached a frozen
 * instance, and waited out the gateway's 10 s limit, a 10 s gap however well the twin answered everyone else meanwhile
 * (the gap measured the watch's own wait, like a load generator that stops sending while one request hangs). That
 * question still counts as refused in the fault's figures.
 */
final class GapWatch implements AutoCloseable {

    static final String MEMBER = "fault-gap-watch";
    private static final long EVERY_MILLIS = 200;
    /** Longer than any question may take (the members' client gives up after 15 s). */
    private static final long LAST_ANSWERS_MILLIS = 20_000;

    private final Supplier<MemberCalls.Answer> question;
    private final long from = System.currentTimeMillis();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> asking = new ArrayList<>();
    private final List<Ledger.Call> answers = new ArrayList<>();
    private final Thread clock;
    private long longest = -1;

    /** @param question one question to the route, e.g. {@code () -> calls.get(MEMBER, "/api/reminders")} */
    GapWatch(Supplier<MemberCalls.Answer> question) {
        this.question = question;
        clock = Thread.ofPlatform().daemon().name("gap-watch").start(() -> {
            long next = System.currentTimeMillis();
            while (running.get()) {
                Thread asker = Thread.ofVirtual().name("gap-watch-question").start(this::ask);
                synchronized (asking) {
                    asking.removeIf(answered -> !answered.isAlive());
                    asking.add(asker);
                }
                // On a clock, but a watch held up (a busy machine) asks once and goes on, without a burst to catch up.
                next = Math.max(next + EVERY_MILLIS, System.currentTimeMillis());
                JourneyDriver.pause(Math.max(0, next - System.currentTimeMillis()));
            }
        });
    }

    private void ask() {
        MemberCalls.Answer answer = question.get();
        synchronized (answers) {
            answers.add(new Ledger.Call(answer.startedMillis(), answer.status(),
                    answer.ok() ? null : "status " + answer.status(), null));
        }
    }

    /** Stops asking and waits for the questions still out; the gap still open at that moment counts too. */
    @Override
    public void close() {
        long to = System.currentTimeMillis();
        running.set(false);
        try {
            clock.join(LAST_ANSWERS_MILLIS);
            List<Thread> out;
            synchronized (asking) {
                out = List.copyOf(asking);
            }
            long deadline = System.currentTimeMillis() + LAST_ANSWERS_MILLIS;
            for (Thread asker : out) {
                asker.join(Math.max(1, deadline - System.currentTimeMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (answers) {
            longest = Math.max(0, FaultSuite.longestGapMillis(List.copyOf(answers), null, from, to));
        }
    }

    /** The longest gap, once {@link #close()}d. */
    long longestGapMillis() {
        return longest;
    }
}
