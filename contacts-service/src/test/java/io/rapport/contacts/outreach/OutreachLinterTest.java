package io.rapport.contacts.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.contacts.contacts.OutreachChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutreachLinterTest {

    private static final DraftContext GRACE = new DraftContext("Grace", "Navy Labs", "Compiler Lead",
            "your talk on COBOL at PyCon", "Ada Lovelace");

    /** A good request: connection first, about her, a modest ask as a question, no job talk, under 75 words. */
    private static final String GOOD = """
            Dear Grace,
            Ada Lovelace suggested I reach out after your talk on COBOL at PyCon. Your work making compilers \
            readable for everyone is why you came to mind. How did you move from research into leading a compiler \
            team at Navy Labs? Would you have 20 minutes for a call in the next two weeks?
            Thank you, Alan""";

    @Test
    void aGoodRequestHasNoFindings() {
        assertThat(OutreachLinter.lint(GOOD, OutreachChannel.EMAIL, GRACE)).isEmpty();
    }

    @Test
    void aLongSelfCentredJobRequestBreaksEveryRule() {
        String bad = "Dear Sir or Madam, I am a recent graduate and I am looking for a job in software. "
                + "I have attached my resume. I studied computer science and I have done many projects in my free time, "
                + "I am very motivated and I learn quickly and I would love to work with your team. "
                + "I have experience with Java, Python and many other languages and I have built web sites for my friends. "
                + "Please let me know if there are any openings, or refer me to the hiring manager. "
                + "I am available to meet anytime.";

        List<LintFinding> findings = OutreachLinter.lint(bad, OutreachChannel.EMAIL, GRACE);

        assertThat(findings).extracting(LintFinding::rule).contains(OutreachLinter.TOO_LONG, OutreachLinter.JOB_MENTION,
                OutreachLinter.CONNECTION_NOT_FIRST, OutreachLinter.ASK_NOT_QUESTION, OutreachLinter.NOT_ABOUT_CONTACT,
                OutreachLinter.NO_PERSONALIZATION);
        assertThat(findings).filteredOn(f -> f.rule().equals(OutreachLinter.JOB_MENTION)).extracting(LintFinding::excerpt)
                .containsExactly("job", "resume", "openings", "refer me", "hiring");
        LintFinding job = findings.stream().filter(f -> f.rule().equals(OutreachLinter.JOB_MENTION)).findFirst().orElseThrow();
        assertThat(bad.substring(job.start(), job.end())).isEqualTo("job");
    }

    @Test
    void aLinkedInNoteIsLimitedTo300CharactersAndTheSpanIsTheOverflow() {
        String note = "Hi Grace, Ada Lovelace suggested I contact you. " + "Your compiler work is inspiring. ".repeat(10)
                + "Would you have 20 minutes for a chat?";

        LintFinding tooLong = OutreachLinter.lint(note, OutreachChannel.LINKEDIN, GRACE).stream()
                .filter(f -> f.rule().equals(OutreachLinter.TOO_LONG)).findFirst().orElseThrow();

        assertThat(tooLong.severity()).isEqualTo(LintFinding.Severity.ERROR);
        assertThat(tooLong.start()).isEqualTo(300);
        assertThat(tooLong.end()).isEqualTo(note.length());
    }

    @Test
    void theConnectionMustComeFirstNotLater() {
        String late = "Dear Grace,\nYour compiler work is why I write. Ada Lovelace suggested I reach out to you. "
                + "Would you have 20 minutes for a call?";

        LintFinding finding = OutreachLinter.lint(late, OutreachChannel.EMAIL, GRACE).stream()
                .filter(f -> f.rule().equals(OutreachLinter.CONNECTION_NOT_FIRST)).findFirst().orElseThrow();

        assertThat(finding.message()).contains("Move the connection");
        assertThat(finding.excerpt()).isEqualTo("Your compiler work is why I write.");
    }

    @Test
    void anAskStatedAsAnOrderIsFlaggedOnItsSentence() {
        String order = "Ada Lovelace suggested I write to you, Grace. Your work at Navy Labs fascinates me. "
                + "Please give me 20 minutes for a call next week.";

        LintFinding finding = OutreachLinter.lint(order, OutreachChannel.EMAIL, GRACE).stream()
                .filter(f -> f.rule().equals(OutreachLinter.ASK_NOT_QUESTION)).findFirst().orElseThrow();

        assertThat(finding.excerpt()).isEqualTo("Please give me 20 minutes for a call next week.");
    }

    @Test
    void withoutAContactGenericWordingAndLeftoverPlaceholdersAreNotPersonal() {
        assertThat(OutreachLinter.lint("To whom it may concern, would you have 20 minutes for a call?",
                OutreachChannel.EMAIL, DraftContext.NONE)).extracting(LintFinding::rule).contains(OutreachLinter.NO_PERSONALIZATION);
        assertThat(OutreachLinter.lint("Hi {{firstName}}, would you have 20 minutes for a call?",
                OutreachChannel.EMAIL, DraftContext.NONE)).extracting(LintFinding::rule).contains(OutreachLinter.NO_PERSONALIZATION);
    }
}
