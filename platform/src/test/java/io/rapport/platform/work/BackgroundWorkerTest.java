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
