package io.rapport.launcher.faults;

import io.rapport.launcher.bench.DueMinute;
import io.rapport.launcher.faults.Ledger.Journey;
import io.rapport.launcher.faults.Ledger.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
            MemberCalls.Answer employer = calls.post(member, "/api/employers", "{\"name\": \"Employer " + member + " " + i
                    + "\", \"industry\": \"Energy\", \"motivation\": 2, \"posting\": 2}");
            if (!answered(j, Step.EMPLOYER, employer)) {
                continue;
            }
            j.employerId = employer.id();
            MemberCalls.Answer contact = calls.post(member, "/api/contacts", "{\"name\": \"Burst contact " + i + "\", \"email\": \"c"
                    + i + "." + member + "@faults.example\", \"employerId\": \"" + j.employerId + "\"}");
            if (!answered(j, Step.CONTACT, contact)) {
                continue;
            }
            j.contactId = contact.id();
            MemberCalls.Answer outreach = calls.post(member, "/api/contacts/" + j.contactId + "/outreach", "{\"channel\": \"email\","
                    + " \"memberTimeZone\": \"" + due.zone() + "\", \"sentAt\": \"" + due.sentAt() + "\", \"text\": \"Hi, I"
                    + " admired your team's work. Would you have 20 minutes next week to tell me how you got into the field?\"}");
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

    private static MemberCalls.Answer withRetries(java.util.function.Supplier<MemberCalls.Answer> call) {
        MemberCalls.Answer answer = call.get();
        for (int i = 0; i < 10 && answer.uncertain(); i++) {
            JourneyDriver.pause(500);
            answer = call.get();
        }
        return answer;
    }
}
