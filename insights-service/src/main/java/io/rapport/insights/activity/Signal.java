package io.rapport.insights.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who needs help: an outreach waiting past 7 business days with no follow-up, an interview held 48 hours ago with
 * no thank-you, no activity for 14 days. {@code count} is how many outreach or interviews the signal covers.
 */
public record Signal(Kind kind, int count) {

    public enum Kind {
        OUTREACH_WITHOUT_FOLLOW_UP, NO_THANK_YOU_AFTER_48H, NO_ACTIVITY_FOR_14_DAYS
    }

    static final int FOLLOW_UP_AFTER_BUSINESS_DAYS = 7;
    static final Duration THANK_YOU_OVERDUE = Duration.ofHours(48);
    static final Duration INACTIVE = Duration.ofDays(14);

    public static List<Signal> of(MemberActivity activity, Instant now) {
        List<Signal> signals = new ArrayList<>();
        int unfollowed = (int) activity.waitingOutreach().stream()
                .filter(waiting -> !waiting.followedUp()
                        && BusinessDays.between(waiting.sentAt(), now, waiting.timeZone()) > FOLLOW_UP_AFTER_BUSINESS_DAYS)
                .count();
        if (unfollowed > 0) {
            signals.add(new Signal(Kind.OUTREACH_WITHOUT_FOLLOW_UP, unfollowed));
        }
        int owed = (int) activity.owedThanks().stream()
                .filter(owedThanks -> !owedThanks.endedAt().plus(THANK_YOU_OVERDUE).isAfter(now))
                .count();
        if (owed > 0) {
            signals.add(new Signal(Kind.NO_THANK_YOU_AFTER_48H, owed));
        }
        if (activity.lastActivityAt() == null || !activity.lastActivityAt().plus(INACTIVE).isAfter(now)) {
            signals.add(new Signal(Kind.NO_ACTIVITY_FOR_14_DAYS, 1));
        }
        return signals;
    }
}
