package io.rapport.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The pacer's step: 50 members aiming at 200 events/s, never above 400 requests/s. */
class JourneyPaceTest {

    private final JourneyDriver driver = new JourneyDriver(null, new Ledger(), 50, 400, 200, () -> 0);

    private static double rate(double gapMicros) {
        return 1e6 * 50 / gapMicros;
    }

    private static double gap(double rate) {
        return 1e6 * 50 / rate;
    }

    @Test
    void tooFewEventsWhileTheMembersKeepPaceSpeedsUpByAQuarterAtMost() {
        assertThat(rate(driver.nextGap(gap(200), 130, 200))).isCloseTo(250, within(0.1));
        assertThat(rate(driver.nextGap(gap(200), 190, 200))).isCloseTo(200 / 0.95, within(0.1));
    }

    @Test
    void tooManyEventsSlowsDown() {
        assertThat(rate(driver.nextGap(gap(300), 300, 300))).isCloseTo(240, within(0.1));
    }

    @Test
    void neverAboveTheCeilingOfRequests() {
        assertThat(rate(driver.nextGap(gap(390), 100, 390))).isCloseTo(400, within(0.1));
    }

    @Test
    void aSaturatedSystemIsFollowedNotPressedAndNeverBelowHalfTheAim() {
        assertThat(rate(driver.nextGap(gap(200), 20, 40))).as("follows what is answered, by a quarter at most per step")
                .isCloseTo(160, within(0.1));
        assertThat(rate(driver.nextGap(gap(110), 20, 1))).as("calls hanging on a frozen service: at least 100 requests/s")
                .isCloseTo(100, within(0.1));
    }
}
