package io.rapport.notes.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.notes.notes.Category;
import io.rapport.notes.notes.Consent;
import io.rapport.notes.notes.Entry;
import io.rapport.notes.notes.HeldInterview;
import io.rapport.notes.notes.NoteRecord;
import io.rapport.notes.notes.Preparation;
import io.rapport.notes.notes.ThankYou;
import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The analyzer on notes as members really write them. */
class SynthesizerTest {

    private final Synthesizer synthesizer = new Synthesizer();

    @Test
    void theSameSkillPhrasedDifferentlyLandsInOneTheme() {
        List<NoteRecord> records = List.of(
                interview("i-1", "Dana Reyes", "Acme", Map.of(Category.SKILLS, "Stakeholder communication is the skill that matters most.")),
                interview("i-2", "Lee Park", "Globex", Map.of(Category.SKILLS, "You have to communicate with stakeholders every single day.")),
                interview("i-3", "Sam Ortiz", "Initech", Map.of(Category.SKILLS, "She kept coming back to communicating clearly with stakeholders.")));

        List<Theme> skills = synthesizer.synthesize(records, List.of()).themes().get(Category.SKILLS);

        Theme top = skills.getFirst();
        assertThat(top.key()).isEqualTo("commun stakehold");
        assertThat(top.interviewCount()).isEqualTo(3);
        assertThat(top.label()).as("labelled as someone said it").isIn("stakeholder communication", "communicate with stakeholders");
        assertThat(top.interviewIds()).containsExactlyInAnyOrder("i-1", "i-2", "i-3");
        assertThat(top.singlePerspective()).isFalse();
        assertThat(top.entries()).hasSize(3);
        assertThat(skills).as("the skill is not split into separate word themes")
                .noneMatch(theme -> theme.interviewCount() == 3 && !theme.key().equals("commun stakehold"));
    }

    @Test
    void oneIntervieweeRepeatingAWordTenTimesDoesNotOutrankThreeIntervieweesMentioningItOnce() {
        List<NoteRecord> records = new ArrayList<>();
        List<Entry> tenTimes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tenTimes.add(new Entry(UUID.randomUUID().toString(), Category.ADVICE, "Networking, networking: go networking events", false));
        }
        records.add(record("talker", "Chatty Person", "Acme", tenTimes));
        records.add(interview("quiet-1", "A One", "Globex", Map.of(Category.ADVICE, "Find a mentor early on.")));
        records.add(interview("quiet-2", "B Two", "Initech", Map.of(Category.ADVICE, "A mentor helped me more than any course.")));
        records.add(interview("quiet-3", "C Three", "Umbrella", Map.of(Category.ADVICE, "Mentors open doors.")));

        List<Theme> advice = synthesizer.synthesize(records, List.of()).themes().get(Category.ADVICE);

        assertThat(advice.getFirst().key()).isEqualTo("mentor");
        assertThat(advice.getFirst().interviewCount()).isEqualTo(3);
        Theme networking = advice.stream().filter(theme -> theme.key().contains("network")).findFirst().orElseThrow();
        assertThat(networking.singlePerspective()).isTrue();
        assertThat(networking.weight()).as("ten mentions weigh more, but rank below three people").isGreaterThan(advice.getFirst().weight());
        assertThat(advice.indexOf(networking)).isGreaterThan(0);
    }

    @Test
    void skillGapsAreSkillThemesTheMemberDoesNotDeclare() {
        List<NoteRecord> records = List.of(
                interview("i-1", "Dana Reyes", "Acme", Map.of(Category.SKILLS, "Strong SQL and data visualization.")),
                interview("i-2", "Lee Park", "Globex", Map.of(Category.SKILLS, "SQL every day; visualizing data for executives.")),
                interview("i-3", "Sam Ortiz", "Initech", Map.of(Category.SKILLS, "Knowing SQL well, plus Python.")));

        Synthesis synthesis = synthesizer.synthesize(records, List.of("Python", "data visualisation"));

        assertThat(synthesis.skillGaps()).extracting(Theme::key).contains("sql");
        assertThat(synthesis.skillGaps()).extracting(Theme::key).doesNotContain("python");
    }

    static NoteRecord interview(String id, String contactName, String employer, Map<Category, String> notes) {
        List<Entry> entries = notes.entrySet().stream()
                .map(note -> new Entry(UUID.randomUUID().toString(), note.getKey(), note.getValue(), false)).toList();
        return record(id, contactName, employer, entries);
    }

    static NoteRecord record(String id, String contactName, String employer, List<Entry> entries) {
        Instant start = Instant.parse("2026-10-01T15:00:00Z");
        return new NoteRecord(id, new Member("alice", "uni-test"),
                new HeldInterview("contact-" + id, start, start.plusSeconds(1800), 30, 30, false),
                contactName, employer, "Analyst", Consent.GRANTED, false, Preparation.NONE, entries, List.of(), null,
                List.of(), List.of(), ThankYou.NOT_SENT, start, 1);
    }
}
