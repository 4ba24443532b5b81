package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestartBackOffTest {

    private static final Duration CRASHED_AT_ONCE = Duration.ofSeconds(2);

    private final RestartBackOff backOff = new RestartBackOff();
    private long now = 1_000_000_000L;

    @Test
    void aChildThatKeepsCrashingWaitsTwiceAsLongEachTimeUpTo30Seconds() {
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // far enough apart that five never fall within five minutes
            now += Duration.ofMinutes(2).toNanos();
            delays.add(backOff.afterCrash(now, CRASHED_AT_ONCE).orElseThrow().toSeconds());
        }

        assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void aChildThatStayedUpForAMinuteStartsAgainFromOneSecond() {
        backOff.afterCrash(now, CRASHED_AT_ONCE);
        now += Duration.ofSeconds(10).toNanos();
        assertThat(backOff.afterCrash(now, CRASHED_AT_ONCE)).contains(Duration.ofSeconds(2));

        now += Duration.ofSeconds(70).toNanos();
        assertThat(backOff.afterCrash(now, Duration.ofSeconds(61))).contains(Duration.ofSeconds(1));
        now += Duration.ofSeconds(5).toNanos();
        assertThat(backOff.afterCrash(now, Duration.ofSeconds(3))).contains(Duration.ofSeconds(2));
    }

    @Test
    void theFifthCrashWithinFiveMinutesLeavesItDown() {
        for (int i = 0; i < 4; i++) {
            now += Duration.ofSeconds(30).toNanos();
            assertThat(backOff.afterCrash(now, CRASHED_AT_ONCE)).isPresent();
        }
        now += Duration.ofSeconds(30).toNanos();

        assertThat(backOff.afterCrash(now, CRASHED_AT_ONCE)).isEmpty();
    }

    @Test
    void crashesOlderThanFiveMinutesNoLongerCount() {
        for (int i = 0; i < 4; i++) {
            now += Duration.ofSeconds(80).toNanos();
            backOff.afterCrash(now, CRASHED_AT_ONCE);
        }
        // the first of the four is now 5 min 20 s ago
        now += Duration.ofSeconds(80).toNanos();

        Optional<Duration> fifth = backOff.afterCrash(now, CRASHED_AT_ONCE);

        assertThat(fifth).isPresent();
    }
}
