package io.rapport.notes.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.events.SynthesisUpdated;
import io.rapport.notes.notes.Category;
import io.rapport.notes.notes.Consent;
import io.rapport.notes.notes.Entry;
import io.rapport.notes.notes.HeldInterview;
import io.rapport.notes.notes.NoteRecord;
import io.rapport.notes.notes.Preparation;
import io.rapport.notes.notes.Referral;
import io.rapport.notes.notes.ThankYou;
import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The anonymizer: what a mentor receives (the Markdown export) and what an advisor receives (the shared synthesis
 * SynthesisUpdated carries) must not name anyone or leak what was said in confidence.
 */
class MarkdownExportTest {

    private final MarkdownExport export = new MarkdownExport(new Synthesizer());

    @Test
    void noContactNameOrSensitiveTextSurvives() {
        List<NoteRecord> records = List.of(
                record("i-1", "Dana Reyes", "Acme", false, List.of(
                        entry(Category.SKILLS, "Dana says SQL is the daily bread; Reyes learned it on the job.", false),
                        entry(Category.CULTURE, "Confidential: a reorganisation will cut the analytics team.", true)),
                        List.of("Dana Reyes thinks stakeholder communication beats tooling"),
                        List.of(new Referral("r-1", "Priya Natarajan", "Globex", "Lead", true, Instant.EPOCH))),
                record("i-2", "Lee Park", "Globex", false, List.of(
                        entry(Category.SKILLS, "SQL and stakeholder communication, as Priya Natarajan told LEE too.", false),
                        entry(Category.CHALLENGES, "Salary at Globex is 20% under market.", true)),
                        List.of(), List.of()),
                record("i-3", "Sam Ortiz", "Initech", true, List.of(
                        entry(Category.TRENDS, "Open about it: AI copilots are replacing junior reporting work.", true)),
                        List.of(), List.of()));

        String markdown = export.render(records, List.of(), true);

        assertThat(markdown).doesNotContainIgnoringCase("Dana").doesNotContainIgnoringCase("Reyes")
                .doesNotContainIgnoringCase("Lee ").doesNotContainIgnoringCase("Park")
                .doesNotContainIgnoringCase("Sam").doesNotContainIgnoringCase("Ortiz")
                .doesNotContainIgnoringCase("Priya").doesNotContainIgnoringCase("Natarajan")
                .doesNotContain("reorganisation", "Salary", "20%");
        assertThat(markdown).contains("Interviewee A", "Interviewee B", "Interviewee C", "Acme", "Globex")
                .contains("AI copilots").as("shared with the interviewee's permission")
                .contains("sql");
    }

    @Test
    void employersAreHiddenUnlessTheMemberOptsIn() {
        List<NoteRecord> records = List.of(record("i-1", "Dana Reyes", "Acme Corp", false,
                List.of(entry(Category.CULTURE, "At Acme Corp people ship weekly.", false)), List.of(), List.of()));

        String markdown = export.render(records, List.of(), false);

        assertThat(markdown).doesNotContainIgnoringCase("Acme").contains("Interviewee A — Analyst at Employer 1");
    }

    @Test
    void theSynthesisForAnAdvisorNamesNoOneHidesEmployersAndLeavesOutWhatWasSaidInConfidence() {
        List<NoteRecord> records = List.of(
                record("i-1", "Dana Reyes", "Acme", false, List.of(
                        entry(Category.SKILLS, "Dana Reyes says SQL matters; Dana Reyes learned SQL at Acme.", false),
                        entry(Category.CULTURE, "Confidential: a reorganisation will cut the analytics team.", true)),
                        List.of(), List.of()),
                record("i-2", "Lee Park", "Globex", false, List.of(
                        entry(Category.SKILLS, "SQL, and Dana Reyes again: everyone at Acme knows Dana Reyes.", false),
                        entry(Category.CULTURE, "Confidential: the reorganisation is why the analytics team is hiring.", true)),
                        List.of(), List.of()));

        SynthesisUpdated.Shared shared = SharedSynthesis.of(new Synthesizer(), records, List.of("python"), false).forAdvisor();

        String labels = shared.themes().toString() + shared.skillGaps();
        assertThat(shared.themes()).filteredOn(theme -> theme.category().equals("skills")).isNotEmpty()
                .anySatisfy(theme -> assertThat(theme.interviewCount()).isEqualTo(2));
        assertThat(labels).contains("sql", "Interviewee A", "Employer 1");
        assertThat(labels).doesNotContainIgnoringCase("dana").doesNotContainIgnoringCase("reyes")
                .doesNotContainIgnoringCase("acme").as("a theme of two interviews, but said in confidence")
                .doesNotContainIgnoringCase("reorganisation").doesNotContainIgnoringCase("analytics");
        assertThat(shared.interviewCount()).isEqualTo(2);
    }

    @Test
    void theSynthesisForAnAdvisorIsBounded() {
        String many = "Kafka, Spark, Airflow, dbt, Looker, Tableau, Terraform and Snowflake all came up.";
        List<NoteRecord> records = List.of(
                record("i-1", "Dana Reyes", "Acme", false, List.of(entry(Category.SKILLS, many, false)), List.of(), List.of()),
                record("i-2", "Lee Park", "Globex", false, List.of(entry(Category.SKILLS, many, false)), List.of(), List.of()));

        SynthesisUpdated.Shared shared = SharedSynthesis.of(new Synthesizer(), records, List.of(), false).forAdvisor();

        assertThat(new Synthesizer().synthesize(records, List.of()).themes().get(Category.SKILLS)).hasSizeGreaterThan(5);
        assertThat(shared.themes()).hasSize(SharedSynthesis.THEMES_PER_CATEGORY);
        assertThat(shared.themes()).allSatisfy(theme -> assertThat(theme.label().length()).isLessThanOrEqualTo(200));
    }

    private static Entry entry(Category category, String text, boolean sensitive) {
        return new Entry(text.substring(0, 6), category, text, sensitive);
    }

    private static NoteRecord record(String id, String name, String employer, boolean permissionToShare,
            List<Entry> entries, List<String> takeaways, List<Referral> referrals) {
        Instant start = Instant.parse("2026-10-01T15:00:00Z");
        return new NoteRecord(id, new Member("alice", "uni"), new HeldInterview("c-" + id, start, start.plusSeconds(1800), 30, 30, false),
                name, employer, "Analyst", Consent.GRANTED, permissionToShare, Preparation.NONE, entries, takeaways,
                null, List.of(), referrals, ThankYou.NOT_SENT, start, 1);
    }
}
