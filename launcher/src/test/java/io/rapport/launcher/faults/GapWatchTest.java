package io.rapport.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GapWatchTest {

    @Test
    void aQuestionHeldByAFrozenInstanceIsNotAGapWhileTheTwinAnswersTheRest() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        GapWatch watch = new GapWatch(() -> {
            long started = System.currentTimeMillis();
            if (asked.incrementAndGet() == 2) {
                JourneyDriver.pause(3_000); // the gateway's time limit, shortened: then a 503
                return new MemberCalls.Answer(503, "not answering", started);
            }
            return new MemberCalls.Answer(200, "[]", started);
        });
        Thread.sleep(1_500);
        watch.close();

        assertThat(watch.longestGapMillis()).as("the questions after the held one were answered").isLessThan(1_000);
        assertThat(asked.get()).as("asked on its clock while one question was held").isGreaterThanOrEqualTo(5);
    }

    @Test
    void aRouteThatAnswersNoOneForAWhileIsAGapThatLong() throws Exception {
        long start = System.currentTimeMillis();
        GapWatch watch = new GapWatch(() -> {
            long started = System.currentTimeMillis();
            long since = started - start;
            boolean down = since >= 300 && since < 1_800;
            return new MemberCalls.Answer(down ? 503 : 200, "", started);
        });
        Thread.sleep(2_500);
        watch.close();

        assertThat(watch.longestGapMillis()).isBetween(1_400L, 2_100L);
    }

    @Test
    void aGapStillOpenWhenTheWatchIsClosedCounts() throws Exception {
        GapWatch watch = new GapWatch(() -> new MemberCalls.Answer(-1, "no answer", System.currentTimeMillis()));
        Thread.sleep(1_000);
        watch.close();

        assertThat(watch.longestGapMillis()).isBetween(900L, 1_500L);
    }
}
