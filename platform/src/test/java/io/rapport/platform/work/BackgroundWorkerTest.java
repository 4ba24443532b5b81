package io.rapport.platform.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class BackgroundWorkerTest {

    @Test
    void roundsKeepToTheirBusyShareWhileWorkKeepsComingHoweverOftenTheWorkerIsWoken() {
        List<Long> starts = new CopyOnWriteArrayList<>();
        BackgroundWorker worker = new BackgroundWorker("test", () -> {
            starts.add(System.nanoTime());
            sleep(Duration.ofMillis(100));
            return true; // always more to do
        }, new BackgroundWorker.Pacing(Duration.ofMillis(10), Duration.ofSeconds(1), 0.25), () -> { });
        worker.start();
        try {
            for (int i = 0; i < 20; i++) {
                worker.wake();
                sleep(Duration.ofMillis(50));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> starts.size() >= 3);
        } finally {
            worker.stop();
        }
        // a round of 100 ms at a quarter share: 300 ms of rest before the next, never less
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.ofNanos(starts.get(i) - starts.get(i - 1))).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @Test
    void aRoundThatKnowsWhenWorkFallsDueRestsThatLongAtMostTheIdleIntervalAndAWakeUpCutsItShort() {
        List<Long> starts = new CopyOnWriteArrayList<>();
        List<Duration> rests = List.of(Duration.ofMillis(300), Duration.ofHours(1), Duration.ofHours(1));
        BackgroundWorker worker = new BackgroundWorker("test", (BackgroundWorker.Round) () -> {
            starts.add(System.nanoTime());
            return rests.get(Math.min(starts.size(), rests.size()) - 1);
        }, new BackgroundWorker.Pacing(Duration.ofSeconds(1), Duration.ofSeconds(1)), () -> { });
        worker.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> starts.size() >= 3);
            sleep(Duration.ofMillis(100));
            worker.wake();
            await().atMost(Duration.ofMillis(500)).until(() -> starts.size() >= 4);
        } finally {
            worker.stop();
        }
        assertThat(gap(starts, 1)).as("the round asked for 300 ms").isBetween(Duration.ofMillis(280), Duration.ofMillis(900));
        assertThat(gap(starts, 2)).as("an hour asked, the idle interval is the most").isBetween(Duration.ofMillis(980),
                Duration.ofMillis(1_700));
        assertThat(gap(starts, 3)).as("woken 100 ms into an hour's rest").isLessThan(Duration.ofMillis(600));
    }

    @Test
    void wakeUpsFromAStreamOfWritesCostARoundPerMinimumRestNotOneEach() {
        List<Long> starts = new CopyOnWriteArrayList<>();
        BackgroundWorker worker = new BackgroundWorker("test", () -> {
            starts.add(System.nanoTime());
            return false;
        }, new BackgroundWorker.Pacing(Duration.ofHours(1), Duration.ofSeconds(1), 1, Duration.ofMillis(300)), () -> { });
        worker.start();
        try {
            long until = System.nanoTime() + Duration.ofMillis(1_500).toNanos();
            while (System.nanoTime() < until) {
                worker.wake();
                sleep(Duration.ofMillis(5));
            }
        } finally {
            worker.stop();
        }
        // 1.5 s of wake-ups every 5 ms: one round at the start, then one per 300 ms at most
        assertThat(starts).hasSizeBetween(4, 7);
        for (int i = 1; i < starts.size(); i++) {
            assertThat(gap(starts, i)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    private static Duration gap(List<Long> starts, int i) {
        return Duration.ofNanos(starts.get(i) - starts.get(i - 1));
    }

    @Test
    void aBusyShareIsAFractionOfTheTime() {
        for (double share : new double[] {0, -0.5, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> new BackgroundWorker.Pacing(Duration.ofSeconds(1), Duration.ofSeconds(10), share))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("busy share");
        }
        assertThat(new BackgroundWorker.Pacing(Duration.ofSeconds(1), Duration.ofSeconds(10)).restAfter(Duration.ofSeconds(3)))
                .as("a share of 1 is back to back").isZero();
        assertThat(new BackgroundWorker.Pacing(Duration.ofSeconds(1), Duration.ofSeconds(10), 0.5).restAfter(Duration.ofSeconds(3)))
                .isEqualTo(Duration.ofSeconds(3));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
