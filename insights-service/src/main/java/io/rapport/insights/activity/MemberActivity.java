package io.rapport.insights.activity;

import io.rapport.insights.activity.Effect.Counter;
import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A member's insights read model, built only from events: the funnel to date and per ISO week, reply latencies,
 * the outreach still waiting for an answer and the interviews still owed a thank-you.
 *
 * @param latencies reply latency in business days → how many replies took that long
 * @param weeks "2026-W48" → that week's counters and latencies
 * @param industries industry key ({@link Industry}) → how many outreach messages went to a contact in it
 * @param industryNames industry key → the name as the member's latest outreach to it spelled it
 */
public record MemberActivity(
        Member member,
        int targets,
        Map<Counter, Integer> totals,
        Map<Integer, Integer> latencies,
        Map<String, Week> weeks,
        List<WaitingOutreach> waitingOutreach,
        List<OwedThanks> owedThanks,
        Instant lastActivityAt,
        int synthesisInterviews,
        int synthesisThemes,
        Map<String, Integer> industries,
        Map<String, String> industryNames) {

    /** @param industries industry key → outreach that week to a contact in it */
    public record Week(Map<Counter, Integer> counts, Map<Integer, Integer> latencies, Map<String, Integer> industries) {
        public int count(Counter counter) {
            return counts.getOrDefault(counter, 0);
        }
    }

    /** An outreach without an answer: when it was sent, in which zone, and when it was last followed up (or null). */
    public record WaitingOutreach(String contactId, String employer, Instant sentAt, String timeZone, int sends,
                                  Instant lastTouchAt) {
        public boolean followedUp() {
            return sends > 1 || (lastTouchAt != null && lastTouchAt.isAfter(sentAt));
        }
    }

    public record OwedThanks(String interviewId, Instant endedAt) {
    }

    public int count(Counter counter) {
        return totals.getOrDefault(counter, 0);
    }
}
