package io.rapport.launcher.faults;

import io.rapport.launcher.faults.Ledger.Journey;
import io.rapport.launcher.faults.Ledger.Step;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Simulated members walking the journey through the gateway, each on its own thread, one request at a time, paced so
 * all together aim at the chosen rate of events published (issue 17: "around 200 events/s"), under a ceiling of
 * requests/s. A request publishes 0.65 events on average (9,659 events of 14,822 requests in the first full run), and
 * that varies along the journey, so the pace is steered by what Kafka holds: every 2 s a pacer compares the events
 * published in the last 10 s with the aim and moves every member's gap between calls by at most a quarter. It does
 * not speed up past what the system answers: on a saturated machine the members then keep pace with it. A journey is one contact: a target employer, the contact, an outreach; two
 * journeys in three go on with a reply, an interview proposed, scheduled, confirmed and held (it starts seconds
 * later and lasts a minute), consented notes and, once the interview has ended, the thank-you. The first uncertain
 * answer (none, or a 5xx) ends a journey: retrying a create would make a second one, which is the client's doing,
 * not the system's. Everything answered is written to the {@link Ledger}.
 */
final class JourneyDriver {

    /** How long a member waits for another service to learn what it needs (the contact, the interview) by events. */
    private static final long EVENTS_PATIENCE_MILLIS = 90_000;

    private final MemberCalls calls;
    private final Ledger ledger;
    private final int members;
    private final LongSupplier eventsPublished;
    private final double eventsAim;
    private final double shortestGapMicros;
    private final double longestGapMicros;
    /** Each member's least time between the starts of two calls, in µs; the pacer moves it. */
    private volatile double gapMicros;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong requests = new AtomicLong();

    /**
     * @param maxRate         requests/s all members together never exceed
     * @param eventsAim       events/s published the pace aims at
     * @param eventsPublished the records on the system's topics so far (read from Kafka); may throw while the broker is
     *                        down, when the pace stays as it was
     */
    JourneyDriver(MemberCalls calls, Ledger ledger, int members, double maxRate, double eventsAim,
            LongSupplier eventsPublished) {
        this.calls = calls;
        this.ledger = ledger;
        this.members = members;
        this.eventsAim = eventsAim;
        this.eventsPublished = eventsPublished;
        this.shortestGapMicros = 1e6 * members / maxRate;
        // Never slower than half the aim in requests/s (a request publishes 0.65 events): one frozen service made the
        // short run's pace fall to 1 request/s before this floor.
        this.longestGapMicros = Math.max(shortestGapMicros, 1e6 * members / (eventsAim / 2));
        // Start as if a request published one event: below the aim, from where the pacer speeds up.
        this.gapMicros = Math.max(shortestGapMicros, 1e6 * members / eventsAim);
    }

    /** Requests/s the members together aim at right now. */
    double currentRate() {
        return 1e6 * members / gapMicros;
    }

    /** Every 2 s: the events published in the last 10 s against the aim, and the gap moved by at most a quarter. */
    private void pace() {
        Deque<long[]> samples = new ArrayDeque<>();
        while (running.get()) {
            pause(2_000);
            long events;
            try {
                events = eventsPublished.getAsLong();
            } catch (RuntimeException brokerAway) {
                continue;
            }
            long now = System.nanoTime();
            samples.addLast(new long[] {now, events, requests.get()});
            while (samples.size() > 2 && now - samples.peekFirst()[0] > TimeUnit.SECONDS.toNanos(10)) {
                samples.removeFirst();
            }
            long[] first = samples.peekFirst();
            double seconds = (now - first[0]) / 1e9;
            if (seconds < 4) {
                continue;
            }
            gapMicros = nextGap(gapMicros, (events - first[1]) / seconds, (requests.get() - first[2]) / seconds);
        }
    }

    /**
     * The gap between a member's calls after one step of the pacer.
     *
     * @param measured events/s published over the last seconds
     * @param answered requests/s the members made (answered or not) over the same seconds
     */
    double nextGap(double gapMicros, double measured, double answered) {
        double rate = 1e6 * members / gapMicros;
        double factor = measured <= 0 ? 0.8 : Math.clamp(measured / eventsAim, 0.8, 1.25);
        double gap = gapMicros * factor;
        if (factor < 1 && answered < 0.85 * rate) {
            // The members wait on answers, not on their pace: the system is at its limit. Pacing faster would only
            // queue more calls (and starve a restarting process of CPU); follow what it answers, a little above,
            // by a quarter at most per step: calls hanging on a frozen service are not the system's limit.
            gap = Math.min(gapMicros * 1.25, Math.max(gapMicros, 1e6 * members / Math.max(1, answered * 1.1)));
        }
        return Math.clamp(gap, shortestGapMicros, longestGapMicros);
    }

    static String member(int n) {
        return String.format(Locale.ROOT, "member-%03d", n);
    }

    void start() {
        running.set(true);
        for (int n = 1; n <= members; n++) {
            String m = member(n);
            threads.add(Thread.ofPlatform().daemon().name("journey-" + m).start(() -> new Member(m).walk()));
        }
    }

    /**
     * From now on the pace follows the events published. Not from the start: the suite records its reminder burst in
     * the first minute, and members pressing on then left it 12 of its 200 outreach in a run with two instances.
     */
    void steer() {
        Thread.ofPlatform().daemon().name("journey-pacer").start(this::pace);
    }

    /** Stops at each member's next step and waits for them. */
    void stop() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    long requests() {
        return requests.get();
    }

    /** One member's walk: journey after journey, thank-yous sent once their interview has ended. */
    private final class Member {
        private final String id;
        private final Deque<Journey> thanksDue = new ArrayDeque<>();
        /** Interviews of journeys that ended before they were held: booked, they would clash with every later one. */
        private final Deque<String> toCancel = new ArrayDeque<>();
        private long lastCall;
        private int next;

        Member(String id) {
            this.id = id;
        }

        void walk() {
            while (running.get()) {
                int i = next++;
                Journey journey = ledger.begin(id, i, false);
                try {
                    walk(journey, i % 3 != 0);
                } catch (Abandoned ended) {
                    // the ledger says why; the next journey starts, after a pause should the system be refusing
                    if (journey.interviewId != null && !journey.has(Step.HELD)) {
                        toCancel.add(journey.interviewId);
                    }
                    if (journey.refusedWith() != null || journey.uncertainStep() != null) {
                        pause(1_000);
                    }
                }
            }
        }

        private void walk(Journey j, boolean toInterview) {
            j.employerId = created(j, Step.EMPLOYER, "/api/employers", """
                    {"name": "Employer %s %d", "industry": "Technology", "motivation": 2, "posting": 2}"""
                    .formatted(id, j.index));
            j.contactId = created(j, Step.CONTACT, "/api/contacts", """
                    {"name": "Contact %d of %s", "email": "c%d.%s@faults.example", "employerId": "%s", "role": "Analyst",
                     "source": "alumni", "timeZone": "America/New_York"}""".formatted(j.index, id, j.index, id, j.employerId));
            j.outreachId = created(j, Step.OUTREACH, "/api/contacts/" + j.contactId + "/outreach", """
                    {"channel": "email", "memberTimeZone": "America/Chicago", "text": "Hi, as a fellow alum I admired your work. \
                    Would you have 20 minutes next week to tell me how you got into the field?"}""");
            sendThanksDue();
            if (!toInterview) {
                return;
            }
            step(j, Step.REPLY, "POST", "/api/contacts/" + j.contactId + "/outreach/" + j.outreachId + "/reply",
                    "{\"outcome\": \"REPLIED\"}");
            Instant start = propose(j);
            step(j, Step.SCHEDULED, "POST", "/api/interviews/" + j.interviewId + "/schedule",
                    "{\"start\": \"" + start + "\"}");
            step(j, Step.CONFIRMED, "POST", "/api/interviews/" + j.interviewId + "/confirm", null);
            sleepUntil(start.toEpochMilli() + 1_000);
            step(j, Step.HELD, "POST", "/api/interviews/" + j.interviewId + "/held", "{\"actualMinutes\": 1}");
            j.interviewEndsMillis = start.plus(1, ChronoUnit.MINUTES).toEpochMilli();
            awaitKnown(j, Step.NOTE, "/api/notes/" + j.interviewId);
            step(j, Step.NOTE, "PUT", "/api/notes/" + j.interviewId, """
                    {"contactName": "Contact %d of %s", "employer": "Employer %s %d", "role": "Analyst",
                     "consent": "GRANTED", "permissionToShare": false,
                     "entries": [{"category": "skills", "text": "Strong SQL is the entry ticket for analysts", "sensitive": false}],
                     "takeaways": ["SQL first, then communication"], "advice": "Build one small project end to end"}"""
                    .formatted(j.index, id, id, j.index));
            thanksDue.add(j);
            sendThanksDue();
        }

        /** Thank-yous whose interview has ended; one that fails ends only its own journey. */
        private void sendThanksDue() {
            while (!thanksDue.isEmpty() && thanksDue.peekFirst().interviewEndsMillis + 1_000 < System.currentTimeMillis()
                    && running.get()) {
                Journey j = thanksDue.removeFirst();
                try {
                    step(j, Step.THANK_YOU, "POST", "/api/notes/" + j.interviewId + "/thank-you/sent",
                            "{\"channel\": \"EMAIL\"}");
                } catch (Abandoned ended) {
                    // recorded in the ledger
                }
            }
        }

        /**
         * Cancels the interviews left booked by journeys that ended early (a member would, to free the calendar); one
         * that was held after all is refused with a 409 and left alone. Kept for later when there is no answer.
         */
        private void cancelLeftOver() {
            for (int n = toCancel.size(); n > 0 && running.get(); n--) {
                String interview = toCancel.removeFirst();
                MemberCalls.Answer answer = call("POST", "/api/interviews/" + interview + "/cancel",
                        "{\"reason\": \"Could not go on with it\"}", false);
                if (answer.uncertain()) {
                    toCancel.addLast(interview);
                }
            }
        }

        /** A slot seconds from now, proposed again while scheduling has not yet learned the contact by its event. */
        private Instant propose(Journey j) {
            long deadline = System.currentTimeMillis() + EVENTS_PATIENCE_MILLIS;
            while (true) {
                cancelLeftOver();
                Instant start = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
                MemberCalls.Answer answer = call("POST", "/api/interviews", """
                        {"contactId": "%s", "objective": "Learn how they moved into the field.",
                         "slots": [{"start": "%s", "minutes": 30}], "format": {"kind": "PHONE", "phone": "+1 312 555 0100"},
                         "memberTimeZone": "America/Chicago", "contactTimeZone": "America/New_York"}""".formatted(j.contactId, start),
                        true);
                if (answer.ok()) {
                    j.interviewId = answer.id();
                    j.answered(Step.PROPOSED, answer.startedMillis());
                    return start;
                }
                boolean notKnownYet = answer.status() / 100 == 4 && answer.status() != 400 && answer.status() != 429;
                if (!notKnownYet || System.currentTimeMillis() > deadline) {
                    throw end(j, Step.PROPOSED, answer);
                }
                pause(500);
            }
        }

        /** Until the path answers 200: another service learning of something by its event. */
        private void awaitKnown(Journey j, Step step, String path) {
            long deadline = System.currentTimeMillis() + EVENTS_PATIENCE_MILLIS;
            while (true) {
                MemberCalls.Answer answer = call("GET", path, null, true);
                if (answer.ok()) {
                    return;
                }
                if (answer.status() != 404 || System.currentTimeMillis() > deadline) {
                    throw end(j, step, answer);
                }
                pause(500);
            }
        }

        private String created(Journey j, Step step, String path, String json) {
            MemberCalls.Answer answer = call("POST", path, json, false);
            if (!answer.ok() || answer.id() == null) {
                throw end(j, step, answer);
            }
            j.answered(step, answer.startedMillis());
            return answer.id();
        }

        private void step(Journey j, Step step, String method, String path, String json) {
            MemberCalls.Answer answer = call(method, path, json, false);
            if (!answer.ok()) {
                throw end(j, step, answer);
            }
            j.answered(step, answer.startedMillis());
        }

        private Abandoned end(Journey j, Step step, MemberCalls.Answer answer) {
            if (answer.uncertain()) {
                j.uncertain(step, answer.startedMillis());
            } else {
                j.refused(step, answer.toString());
            }
            return new Abandoned();
        }

        /** Paced: a member's calls are at least the gap apart, so the members together aim at the rate. */
        private MemberCalls.Answer call(String method, String path, String json, boolean waiting) {
            if (!running.get()) {
                throw new Abandoned();
            }
            long wait = lastCall + Math.round(gapMicros / 1000) - System.currentTimeMillis();
            if (wait > 0) {
                pause(wait);
            }
            lastCall = System.currentTimeMillis();
            MemberCalls.Answer answer = calls.call(id, method, path, json);
            requests.incrementAndGet();
            ledger.called(method, path, answer, waiting);
            return answer;
        }

        /** Until the interview starts, the member reaches out to other contacts, as a member would. */
        private void sleepUntil(long millis) {
            while (System.currentTimeMillis() < millis) {
                sendThanksDue();
                if (millis - System.currentTimeMillis() > 1_500 && running.get()) {
                    Journey side = ledger.begin(id, next++, false);
                    try {
                        walk(side, false);
                    } catch (Abandoned ended) {
                        // recorded in the ledger; the interview goes on
                    }
                } else {
                    pause(Math.min(200, Math.max(1, millis - System.currentTimeMillis())));
                }
            }
        }
    }

    /** Ends a journey early; not an error of the driver. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
