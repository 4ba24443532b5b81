package io.rapport.notes.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.events.NoteRecorded;
import io.rapport.events.ThankYouSent;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The consent rules and the thank-you rules of one interview's notes. */
class NoteRecordTest {

    private static final Instant ENDED = Instant.parse("2026-11-02T16:00:00Z");
    private static final List<NoteContent.EntryInput> ONE_ENTRY =
            List.of(new NoteContent.EntryInput("skills", "SQL every day", false));

    @Test
    void entriesAreKeptOnlyWithConsentGranted() {
        NoteRecord held = held();

        for (String consent : List.of("DECLINED", "NOT_ASKED")) {
            NoteContent withoutConsent = content(consent, ONE_ENTRY);
            assertThatThrownBy(() -> held.record(withoutConsent, ENDED))
                    .isInstanceOf(ConsentRequiredException.class).hasMessageContaining("consent is " + consent);
        }
        Change<NoteRecord> granted = held.record(content("GRANTED", ONE_ENTRY), ENDED);

        assertThat(granted.state().entries()).extracting(Entry::text).containsExactly("SQL every day");
        assertThat(granted.events()).singleElement().isInstanceOfSatisfying(NoteRecorded.class, event -> {
            assertThat(event.entryCount()).isEqualTo(1);
            assertThat(event.categories()).containsExactly("SKILLS");
        });
    }

    @Test
    void whatAnAdvisorMayReadOfTheNotesNeverHoldsASensitiveEntry() {
        List<NoteContent.EntryInput> entries = List.of(new NoteContent.EntryInput("skills", "SQL every day", false),
                new NoteContent.EntryInput("day-to-day", "Layoffs are coming", true));
        NoteContent content = NoteContent.of("Dana Reyes", "Acme", "Analyst", "GRANTED", true, entries,
                List.of("Learn dbt"), "Talk to the data team");

        NoteRecorded recorded = (NoteRecorded) held().record(content, ENDED).events().getFirst();

        assertThat(recorded.entryCount()).isEqualTo(2);
        assertThat(recorded.shared().entries()).as("not even with the interviewee's permission to share")
                .containsExactly(new NoteRecorded.SharedEntry("skills", "SQL every day"));
        assertThat(recorded.shared().takeaways()).containsExactly("Learn dbt");
        assertThat(recorded.shared().advice()).isEqualTo("Talk to the data team");
    }

    @Test
    void decliningConsentLaterDeletesTheEntries() {
        NoteRecord withNotes = held().record(content("GRANTED", ONE_ENTRY), ENDED).state();

        Change<NoteRecord> declined = withNotes.record(content("DECLINED", List.of()), ENDED.plusSeconds(60));

        assertThat(declined.state().entries()).isEmpty();
        assertThat(declined.state().consent()).isEqualTo(Consent.DECLINED);
        assertThat(((NoteRecorded) declined.events().getFirst()).entryCount()).isZero();
        assertThat(((NoteRecorded) declined.events().getFirst()).shared().entries()).isEmpty();
    }

    @Test
    void notesWaitForTheInterviewToBeHeld() {
        NoteRecord prepared = NoteRecord.empty("iv-1", new Member("alice", "uni"), ENDED);

        assertThatThrownBy(() -> prepared.record(content("GRANTED", ONE_ENTRY), ENDED)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> prepared.markThankYouSent("EMAIL", ENDED, ENDED)).isInstanceOf(ConflictException.class);
        assertThat(prepared.prepare(new Preparation("fintech", "Acme", "Dana"), ENDED).state().preparation().person())
                .isEqualTo("Dana");
    }

    @Test
    void aThankYouIsSentOnceAndFlaggedLateAfter48Hours() {
        Instant sentAt = ENDED.plus(Duration.ofHours(49));
        Change<NoteRecord> sent = held().markThankYouSent("EMAIL", sentAt, sentAt);

        assertThat(sent.events()).singleElement().isInstanceOfSatisfying(ThankYouSent.class, event -> {
            assertThat(event.hoursSinceInterview()).isEqualTo(49);
            assertThat(event.late()).isTrue();
        });
        assertThat(held().markThankYouSent("EMAIL", ENDED.plus(Duration.ofHours(48)), sentAt).state().thankYou().late())
                .as("exactly 48 hours is on time").isFalse();
        assertThatThrownBy(() -> sent.state().markThankYouSent("LETTER", sentAt, sentAt)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> held().markThankYouSent("EMAIL", ENDED.minusSeconds(1), sentAt))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anInterviewHeldWhileStillRunningCanBeThankedAtOnce() {
        Instant start = ENDED.minusSeconds(1800);
        Instant heldAt = start.plusSeconds(3);
        NoteRecord held = NoteRecord.empty("iv-1", new Member("alice", "uni"), start).heldAs(
                HeldInterview.reported("contact-1", start, start.plus(Duration.ofMinutes(35)), heldAt, 30, 35, true));

        Change<NoteRecord> sent = held.markThankYouSent("EMAIL", heldAt, heldAt);

        assertThat(((ThankYouSent) sent.events().getFirst()).hoursSinceInterview()).isZero();
    }

    @Test
    void theDraftUsesTheFirstNameATakeawayAndTheAdviceUnder150Words() {
        NoteContent content = NoteContent.of("Dr. Dana Reyes", "Acme", "Analyst", "GRANTED", false, ONE_ENTRY,
                List.of("Dashboards matter less than the questions behind them. " + "Very long takeaway ".repeat(20)),
                "ask better questions before building dashboards");
        NoteRecord record = held().record(content, ENDED).state();

        String draft = record.thankYouDraft();

        assertThat(draft).startsWith("Dear Dana,").contains("Dashboards matter less than the questions behind them",
                "ask better questions before building dashboards").doesNotContain("?");
        assertThat(ThankYouDraft.words(draft)).isLessThan(ThankYouDraft.MAX_WORDS);
    }

    private static NoteContent content(String consent, List<NoteContent.EntryInput> entries) {
        return NoteContent.of("Dana Reyes", "Acme", "Analyst", consent, false, entries, List.of(), null);
    }

    private static NoteRecord held() {
        return NoteRecord.empty("iv-1", new Member("alice", "uni"), ENDED)
                .heldAs(new HeldInterview("contact-1", ENDED.minusSeconds(1800), ENDED, 30, 30, false));
    }
}
