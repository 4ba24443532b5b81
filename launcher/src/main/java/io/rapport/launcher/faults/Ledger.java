package io.rapport.launcher.faults;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the driver was told: every journey a member began, each step of it the gateway answered 2xx (with when),
 * the one step whose answer was uncertain (no answer, 5xx: it may or may not have taken effect, so the checks
 * allow either), and every call's status, so the refusals during a fault can be counted.
 */
final class Ledger {

    /** A journey's steps, in order; each answered 2xx is an effect that must be there exactly once. */
    enum Step { EMPLOYER, CONTACT, OUTREACH, REPLY, PROPOSED, SCHEDULED, CONFIRMED, HELD, NOTE, THANK_YOU }

    /** One contact's journey: one employer, one contact, at most one outreach, one interview. */
    static final class Journey {
        final String member;
        final int index;
        /** A burst journey only records an outreach dated three business days back, to make a reminder fall due now. */
        final boolean burst;
        volatile String employerId;
        volatile String contactId;
        volatile String outreachId;
        volatile String interviewId;
        volatile long interviewEndsMillis;
        private final Map<Step, Long> answered = new EnumMap<>(Step.class);
        private Step uncertain;
        private long uncertainAt;
        private String refused;

        Journey(String member, int index, boolean burst) {
            this.member = member;
            this.index = index;
            this.burst = burst;
        }

        synchronized void answered(Step step, long atMillis) {
            answered.put(step, atMillis);
        }

        synchronized boolean has(Step step) {
            return answered.containsKey(step);
        }

        synchronized long at(Step step) {
            return answered.getOrDefault(step, 0L);
        }

        /** Answered 2xx, or uncertain: the effect may be there. */
        synchronized boolean mayHave(Step step) {
            return answered.containsKey(step) || uncertain == step;
        }

        synchronized void uncertain(Step step, long atMillis) {
            uncertain = step;
            uncertainAt = atMillis;
        }

        synchronized Step uncertainStep() {
            return uncertain;
        }

        synchronized long uncertainAt() {
            return uncertainAt;
        }

        synchronized void refused(Step step, String answer) {
            refused = step + ": " + answer;
        }

        synchronized String refusedWith() {
            return refused;
        }

        @Override
        public String toString() {
            return member + " journey " + index + " (contact " + contactId + ", outreach " + outreachId + ", interview "
                    + interviewId + ")";
        }
    }

    /** A call the driver made: when it started, its status (-1 for no answer), and for a refusal what and why. */
    record Call(long startedMillis, int status, String refusal, String service) {
        boolean refused() {
            return refusal != null;
        }

        /** Answered with what the member asked for (a "not yet" while waiting on another service counts too). */
        boolean answered() {
            return refusal == null;
        }
    }

    /** The service the gateway routes a path to (its routes in gateway/application.yml); null for any other. */
    static String serviceOf(String path) {
        String p = path.startsWith("/api/") ? path.substring(5) : path;
        String first = p.split("[/?]", 2)[0];
        return switch (first) {
            case "contacts", "employers", "outreach", "templates", "me", "mailbox" -> "contacts-service";
            case "scheduling", "interviews", "questions", "calendar" -> "scheduling-service";
            case "notes", "synthesis", "goals", "profile" -> "notes-service";
            case "reminders", "preferences" -> "reminders-service";
            default -> null;
        };
    }

    private final ConcurrentLinkedQueue<Journey> journeys = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

    Journey begin(String member, int index, boolean burst) {
        Journey journey = new Journey(member, index, burst);
        journeys.add(journey);
        return journey;
    }

    /** @param waiting the member was asking whether another service knows something yet: a 4xx is "not yet" */
    void called(String method, String path, MemberCalls.Answer answer, boolean waiting) {
        boolean notYet = waiting && answer.status() / 100 == 4 && answer.status() != 429;
        String refusal = answer.ok() || notYet ? null : method + " " + path.replaceAll("/[0-9a-f]{24}|/[0-9a-f-]{36}", "/{id}")
                + " → " + answer;
        calls.add(new Call(answer.startedMillis(), answer.status(), refusal, serviceOf(path)));
    }

    List<Journey> journeys() {
        return new ArrayList<>(journeys);
    }

    List<Call> calls() {
        return new ArrayList<>(calls);
    }

    long count(Step step) {
        return journeys.stream().filter(j -> j.has(step)).count();
    }
}
