package io.rapport.launcher.faults;

import io.rapport.launcher.bench.DueMinute;
import io.rapport.launcher.faults.Ledger.Journey;
import io.rapport.launcher.faults.Ledger.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A burst of reminders falling due in one minute, made through the public API as {@link DueMinute} explains: a few
 * members whose morning is that minute (in a zone where it is a weekday) and who want e-mail, each with contacts at
 * employers of their own and an outreach recorded as sent three business days before; reminders-service then delivers
 * every {@code WRITE_TO_SECOND_CONTACT} at that minute, to the inbox and by e-mail, and publishes {@code ReminderDue}.
 * One employer per contact, so each reminder's e-mail has a subject of its own and a second one shows.
 */
final class ReminderBurst {

    /** Members record theirs in parallel, one call at a time each: more members, sooner done. */
    private static final int PER_MEMBER = 5;

    interface Say {
        void say(String format, Object... args);
    }

    /** @return the minute they fall due; empty when none is possible now (Saturday noon to Sunday 10:00 UTC) or none asked */
    static Optional<DueMinute> record(MemberCalls calls, Ledger ledger, int reminders, boolean email, Say say) {
        if (reminders == 0) {
            return Optional.empty();
        }
        int members = (reminders + PER_MEMBER - 1) / PER_MEMBER;
        // The first whole minute at least 25 s away: recording takes seconds (members in parallel, 15 calls each), and
        // reminders-service must have stored them by then.
        Optional<DueMinute> planned = DueMinute.at(Instant.now().plusSeconds(25 + 59));
        if (planned.isEmpty()) {
            say.say("No reminder burst: no zone has a weekday at this hour (Saturday noon to Sunday 10:00 UTC)");
            return Optional.empty();
        }
        DueMinute due = planned.get();
        say.say("Recording %d outreach for %d members so that %d reminders fall due at %s (zone %s, morning %s)%s",
                reminders, members, reminders, due.dueAt(), due.zone(), due.morningHour(), email ? ", by e-mail too" : "");
        List<Thread> threads = new ArrayList<>();
        for (int n = 1; n <= members; n++) {
            String member = String.format(Locale.ROOT, "burst-%02d", n);
            int count = Math.min(PER_MEMBER, reminders - (n - 1) * PER_MEMBER);
            threads.add(Thread.ofPlatform().daemon().start(() -> recordFor(calls, ledger, member, count, due, email)));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long recorded = ledger.journeys().stream().filter(j -> j.burst && j.has(Step.OUTREACH)).count();
        say.say("%d of %d burst outreach recorded; due at %s", recorded, reminders, due.dueAt());
        return Optional.of(due);
    }

    private static void recordFor(MemberCalls calls, Ledger ledger, String member, int count, DueMinute due, boolean email) {
        String prefs = "{\"timeZone\": \"" + due.zone() + "\", \"morningHour\": \"" + due.morningHour() + "\""
                + (email ? ", \"channels\": [\"IN_APP\", \"EMAIL\"], \"email\": \"" + member + "@faults.example\"" : "") + "}";
        if (!withRetries(() -> calls.put(member, "/api/preferences", prefs)).ok()) {
            return;
        }
        for (int i = 0; i < count; i++) {
            Journey j = ledger.begin(member, i, true);
            String employerName = "Employer " + member + " " + i;
            MemberCalls.Answer employer = createOnce(() -> calls.post(member, "/api/employers", "{\"name\": \""
                    + employerName + "\", \"industry\": \"Energy\", \"motivation\": 2, \"posting\": 2}"),
                    () -> employerNamed(calls, member, employerName));
            if (!answered(j, Step.EMPLOYER, employer)) {
                continue;
            }
            j.employerId = employer.id();
            // A contact made by an earlier try is a 409 naming it (same e-mail): nothing to look up first.
            String contactJson = "{\"name\": \"Burst contact " + i + "\", \"email\": \"c" + i + "." + member
                    + "@faults.example\", \"employerId\": \"" + j.employerId + "\"}";
            MemberCalls.Answer contact = createOnce(() -> calls.post(member, "/api/contacts", contactJson),
                    () -> Lookup.NOT_FOUND);
            if (!answered(j, Step.CONTACT, contact)) {
                continue;
            }
            j.contactId = contact.id();
            String contactId = j.contactId;
            MemberCalls.Answer outreach = createOnce(() -> calls.post(member, "/api/contacts/" + contactId + "/outreach",
                    "{\"channel\": \"email\", \"memberTimeZone\": \"" + due.zone() + "\", \"sentAt\": \"" + due.sentAt()
                    + "\", \"text\": \"Hi, I admired your team's work. Would you have 20 minutes next week to tell me how you"
                    + " got into the field?\"}"), () -> firstOutreach(calls, member, contactId));
            if (answered(j, Step.OUTREACH, outreach)) {
                j.outreachId = outreach.id();
            }
        }
    }

    private static boolean answered(Journey j, Step step, MemberCalls.Answer answer) {
        if (answer.ok() && answer.id() != null) {
            j.answered(step, answer.startedMillis());
            return true;
        }
        if (answer.uncertain()) {
            j.uncertain(step, answer.startedMillis());
        } else {
            j.refused(step, answer.toString());
        }
        return false;
    }

    /** What a look for an earlier try's record found: its id, nothing, or no answer (look again). */
    record Lookup(String id, boolean certain) {
        static final Lookup NOT_FOUND = new Lookup(null, true);
        static final Lookup UNKNOWN = new Lookup(null, false);
    }

    /**
     * A create the burst depends on, made once however the system answers while it starts: after an uncertain answer
     * (none, or a 5xx such as the gateway's "check whether it was saved before repeating it") it looks for what the
     * try may have made before trying again, as a careful client would. Without this, a just-started system's 503s
     * left the burst with 4 of its 200 outreach (2 instances, README). The journey's traffic never retries: its
     * uncertain answers are part of what the checks accept.
     */
    static MemberCalls.Answer createOnce(Supplier<MemberCalls.Answer> create, Supplier<Lookup> earlier) {
        MemberCalls.Answer answer = create.get();
        long started = answer.startedMillis();
        for (int attempt = 0; attempt < 20 && answer.uncertain(); attempt++) {
            JourneyDriver.pause(500);
            Lookup found = earlier.get();
            if (found.id() != null) {
                return made(found.id(), started);
            }
            if (found.certain()) { // not there: create again; no answer: ask again first
                answer = create.get();
            }
        }
        return isConflictNaming(answer) ? made(answer.text("existingContactId"), started) : answer;
    }

    private static boolean isConflictNaming(MemberCalls.Answer answer) {
        return answer.status() == 409 && answer.text("existingContactId") != null;
    }

    /** An earlier try's record, as if that try had been answered (its time is the first try's). */
    private static MemberCalls.Answer made(String id, long started) {
        return new MemberCalls.Answer(200, MemberCalls.JSON.createObjectNode().put("id", id).toString(), started);
    }

    private static Lookup employerNamed(MemberCalls calls, String member, String name) {
        MemberCalls.Answer employers = calls.get(member, "/api/employers");
        if (!employers.ok()) {
            return Lookup.UNKNOWN;
        }
        for (var employer : employers.json()) {
            if (name.equals(employer.path("name").asText())) {
                return new Lookup(employer.path("id").asText(), true);
            }
        }
        return Lookup.NOT_FOUND;
    }

    private static Lookup firstOutreach(MemberCalls calls, String member, String contactId) {
        MemberCalls.Answer log = calls.get(member, "/api/contacts/" + contactId + "/outreach");
        if (!log.ok()) {
            return Lookup.UNKNOWN;
        }
        var first = log.json().path("items").path(0);
        return first.has("id") ? new Lookup(first.path("id").asText(), true) : Lookup.NOT_FOUND;
    }

    private static MemberCalls.Answer withRetries(Supplier<MemberCalls.Answer> call) {
        MemberCalls.Answer answer = call.get();
        for (int i = 0; i < 10 && answer.uncertain(); i++) {
            JourneyDriver.pause(500);
            answer = call.get();
        }
        return answer;
    }
}
