package io.rapport.notes;

import io.rapport.notes.notes.NoteRecord;
import io.rapport.notes.synthesis.Synthesis;
import io.rapport.notes.synthesis.Synthesizer;
import io.rapport.platform.domain.Member;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The recomputation alone, without Spring or MongoDB, for 200 interviews and 5,000 entries. Run only on request:
 * {@code ./mvnw -B -o test -pl notes-service -Dtest=SynthesizerBenchmarkTest -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class SynthesizerBenchmarkTest {

    private static final int RUNS = 15;

    @Test
    void twoHundredInterviewsAndFiveThousandEntries() {
        List<NoteRecord> records = SynthesisBenchmarkIT.generate(new Member("bench", "uni-bench"));
        for (int i = 0; i < 3; i++) {
            new Synthesizer().synthesize(records, List.of("Python"));
        }
        long[] cold = new long[RUNS];
        long[] updated = new long[RUNS];
        Synthesis last = null;
        for (int i = 0; i < RUNS; i++) {
            Synthesizer synthesizer = new Synthesizer();
            long start = System.nanoTime();
            synthesizer.synthesize(records.subList(1, records.size()), List.of("Python"));
            cold[i] = (System.nanoTime() - start) / 1_000_000;
            // The update after the 200th interview's notes: only its entries are new to the analyzer.
            start = System.nanoTime();
            last = synthesizer.synthesize(records, List.of("Python"));
            updated[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(cold);
        Arrays.sort(updated);
        System.out.printf("BENCHMARK %d interviews, %d entries, %d themes%n", last.interviewCount(), last.entryCount(),
                last.themeCount());
        System.out.printf("BENCHMARK cold recompute (every entry analyzed): median %d ms, max %d ms%n",
                cold[RUNS / 2], cold[RUNS - 1]);
        System.out.printf("BENCHMARK updated synthesis after one more interview: median %d ms, max %d ms%n",
                updated[RUNS / 2], updated[RUNS - 1]);
    }
}
