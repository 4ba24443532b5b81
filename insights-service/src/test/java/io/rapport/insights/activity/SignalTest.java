package io.rapport.insights.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalTest {

    // Friday 27 November 2026, noon UTC
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private static MemberActivity activity(List<MemberActivity.WaitingOutreach> waiting,
            List<MemberActivity.OwedThanks> owed, Instant last) {
        return new MemberActivity(new Member("m", "uni"), 0, Map.of(), Map.of(), Map.of(), waiting, owed, last, 0, 0, Map.of(), Map.of());
    }

    @Test
    void outreachPastSevenBusinessDaysWithoutFollowUpIsASignal() {
        // Sent Wednesday 18 November: 7 business days by Friday 27th is not yet past; 8 by Monday 30th.
        MemberActivity.WaitingOutreach sevenDays = new MemberActivity.WaitingOutreach("c1", "Northwind",
                Instant.parse("2026-11-18T09:00:00Z"), "UTC", 1, null);
        MemberActivity.WaitingOutreach eightDays = new MemberActivity.WaitingOutreach("c2", "Northwind",
                Instant.parse("2026-11-17T09:00:00Z"), "UTC", 1, null);
        MemberActivity.WaitingOutreach followedUp = new MemberActivity.WaitingOutreach("c3", "Orbit",
                Instant.parse("2026-11-02T09:00:00Z"), "UTC", 2, null);

        List<Signal> signals = Signal.of(activity(List.of(sevenDays, eightDays, followedUp), List.of(), NOW), NOW);

        assertThat(signals).containsExactly(new Signal(Signal.Kind.OUTREACH_WITHOUT_FOLLOW_UP, 1));
    }

    @Test
    void anInterviewWithoutThanksAfter48HoursAndFourteenQuietDaysAreSignals() {
        MemberActivity.OwedThanks late = new MemberActivity.OwedThanks("i1", NOW.minusSeconds(49 * 3600));
        MemberActivity.OwedThanks recent = new MemberActivity.OwedThanks("i2", NOW.minusSeconds(47 * 3600));

        assertThat(Signal.of(activity(List.of(), List.of(late, recent), NOW.minusSeconds(15 * 86400)), NOW)).containsExactly(
                new Signal(Signal.Kind.NO_THANK_YOU_AFTER_48H, 1), new Signal(Signal.Kind.NO_ACTIVITY_FOR_14_DAYS, 1));
    }
}
