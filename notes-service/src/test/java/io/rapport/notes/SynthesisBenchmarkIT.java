package io.rapport.notes;

import io.rapport.notes.notes.Category;
import io.rapport.notes.notes.Consent;
import io.rapport.notes.notes.Entry;
import io.rapport.notes.notes.HeldInterview;
import io.rapport.notes.notes.NoteRecord;
import io.rapport.notes.notes.NoteRecords;
import io.rapport.notes.notes.Preparation;
import io.rapport.notes.notes.ThankYou;
import io.rapport.notes.synthesis.Synthesis;
import io.rapport.notes.synthesis.InterviewInsights;
import io.rapport.notes.synthesis.Synthesizer;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import io.rapport.test.ServiceIntegrationTest;

/**
 * How long an updated synthesis takes for a member with 200 interviews and 5,000 entries: the
 * recomputation alone, and the whole refresh as on NoteRecorded (read every record from MongoDB,
 * recompute, store the summary with its SynthesisUpdated). Run only on request:
 * {@code ./mvnw -B -o test -pl notes-service -Dtest=SynthesisBenchmarkIT -Dbenchmark=true}.
 */
@ServiceIntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class SynthesisBenchmarkIT {

    private static final int INTERVIEWS = 200;
    private static final int ENTRIES_EACH = 25;
    private static final int RUNS = 10;

    @LocalServerPort
    int port;

    @Autowired
    NoteRecords records;

    @Autowired
    InterviewInsights synthesis;

    @Test
    void twoHundredInterviewsAndFiveThousandEntries() {
        Member member = new Member("bench", "uni-" + UUID.randomUUID());
        List<NoteRecord> generated = generate(member);
        generated.forEach(record -> records.save(new Change<>(record, List.of()), 0));
        Synthesizer synthesizer = new Synthesizer();

        for (int i = 0; i < 3; i++) {
            synthesizer.synthesize(generated, List.of("Python"));
            synthesis.refresh("warm-up-" + i, member);
        }
        long[] compute = new long[RUNS];
        long[] refresh = new long[RUNS];
        Synthesis last = null;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            last = synthesizer.synthesize(generated, List.of("Python"));
            compute[i] = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            synthesis.refresh("run-" + i, member);
            refresh[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(compute);
        Arrays.sort(refresh);
        System.out.printf("BENCHMARK synthesis: %d interviews, %d entries, %d themes%n", last.interviewCount(),
                last.entryCount(), last.themeCount());
        System.out.printf("BENCHMARK recompute only: median %d ms, max %d ms%n", compute[RUNS / 2], compute[RUNS - 1]);
        System.out.printf("BENCHMARK refresh (MongoDB read + recompute + store): median %d ms, max %d ms%n",
                refresh[RUNS / 2], refresh[RUNS - 1]);
    }

    static List<NoteRecord> generate(Member member) {
        Random random = new Random(42);
        String[] subjects = {"SQL", "Python", "stakeholder communication", "data visualization", "product sense",
                "machine learning", "Excel modelling", "public speaking", "project management", "A/B testing",
                "cloud infrastructure", "team leadership", "negotiation", "customer research", "statistics"};
        String[] frames = {"You really need %s from day one.", "Most of my week goes into %s and meetings.",
                "%s is what separates juniors from seniors here.", "Nobody taught me %s; I learned it on the job.",
                "The team values %s more than any certificate.", "Hiring managers look for %s on the resume.",
                "I wish I had practised %s before switching careers.", "Lately %s has become much more important.",
                "Our biggest challenge is %s across time zones.", "Read everything you can about %s."};
        Category[] categories = Category.values();
        Instant start = Instant.parse("2025-01-06T15:00:00Z");
        List<NoteRecord> generated = new ArrayList<>();
        for (int i = 0; i < INTERVIEWS; i++) {
            List<Entry> entries = new ArrayList<>();
            for (int e = 0; e < ENTRIES_EACH; e++) {
                String text = frames[random.nextInt(frames.length)].formatted(subjects[random.nextInt(subjects.length)])
                        + " " + frames[random.nextInt(frames.length)].formatted(subjects[random.nextInt(subjects.length)]);
                entries.add(new Entry(UUID.randomUUID().toString(), categories[random.nextInt(categories.length)], text,
                        random.nextInt(10) == 0));
            }
            Instant when = start.plusSeconds(86_400L * i);
            generated.add(new NoteRecord("bench-" + i, member, new HeldInterview("c-" + i, when, when.plusSeconds(1800), 30, 30, false),
                    "Person " + i, "Employer " + (i % 25), "Role " + (i % 7), Consent.GRANTED, false, Preparation.NONE,
                    entries, List.of("Takeaway " + i), null, List.of(), List.of(), ThankYou.NOT_SENT, when, 0));
        }
        return generated;
    }
}
