package io.rapport.notes.notes;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The draft reads as a person would write it, with takeaways and advice as members write them in their notes
 * (phrasings from the practice guides in the seeds: "update your résumé", "seek feedback from mentors", …).
 */
class ThankYouDraftTest {

    private static final Instant ENDED = Instant.parse("2026-11-02T16:00:00Z");

    @Test
    void anImperativeTakeawayAndAdviceBecomePartOfTheSentence() {
        String draft = draft("Marcus Lee", "Bluefin Analytics",
                List.of("Build a small SQL portfolio project"), "Publish one dashboard every month.");

        assertThat(draft).contains("I especially appreciated your suggestion to build a small SQL portfolio project. ")
                .contains("Following your advice, I will publish one dashboard every month. ")
                .doesNotContain("about Build", "will Publish", "..", "month..");
    }

    @Test
    void topicsAreJoinedAsAPersonWouldListThem() {
        String draft = draft("Priya Raman", "Northwind Health",
                List.of("SQL and stakeholder communication", "Quarterly goals for networking.", "The TIARA frame"),
                null);

        assertThat(draft).contains("I especially appreciated what you shared about SQL and stakeholder communication, "
                + "quarterly goals for networking and the TIARA frame. ");
    }

    @Test
    void aFullSentenceIsQuotedAsItWasSaid() {
        String draft = draft("Elena Garcia", null,
                List.of("Ethics sustain trust and encourage ongoing mentorship."),
                "You should seek feedback from mentors who can validate your progress");

        assertThat(draft).contains("I especially appreciated what you said: \"Ethics sustain trust and encourage "
                + "ongoing mentorship.\" ")
                .contains("Following your advice, I will seek feedback from mentors who can validate your progress. ");
    }

    @Test
    void properNounsAndAcronymsKeepTheirCapitals() {
        String draft = draft("Aisha Khan", "Orbit Energy",
                List.of("LinkedIn posts from people in the field", "Orbit Energy's graduate programme"),
                "Engage on LinkedIn by commenting on their posts!");

        assertThat(draft).contains("what you shared about LinkedIn posts from people in the field and Orbit Energy's "
                + "graduate programme. ")
                .contains("Following your advice, I will engage on LinkedIn by commenting on their posts. ");
    }

    @Test
    void adviceThatIsNotAnActionIsQuoted() {
        String draft = draft("James Wright", null, List.of("update your résumé to reflect relevant skills"),
                "Curiosity matters more than credentials.");

        assertThat(draft).contains("your suggestion to update your résumé to reflect relevant skills. ")
                .contains("I will keep your advice in mind: \"Curiosity matters more than credentials.\"");
    }

    @Test
    void aTopicAnActionAndASentenceEachGetTheirOwnOpening() {
        String draft = draft("Marcus Lee", "Bluefin Analytics", List.of("Build a small SQL portfolio project.",
                "SQL and stakeholder communication", "Dashboards matter less than the questions behind them."), null);

        assertThat(draft).contains("I especially appreciated what you shared about SQL and stakeholder communication. "
                + "I also appreciated your suggestion to build a small SQL portfolio project. "
                + "And I keep thinking about what you said: \"Dashboards matter less than the questions behind them.\"");
    }

    @Test
    void manyLongTakeawaysStayUnderTheWordLimit() {
        String longTopic = "The way regional utilities plan grid upgrades across several decades of demand ".repeat(3);
        String draft = draft("Hannah Brooks", "Orbit Energy",
                List.of(longTopic, longTopic, "Translate new knowledge into concrete actions", longTopic),
                "Pursue targeted projects and seek feedback from mentors who can validate your progress over time");

        assertThat(ThankYouDraft.words(draft)).isLessThan(ThankYouDraft.MAX_WORDS);
        assertThat(draft).contains("what you shared about the way regional utilities plan grid upgrades")
                .contains("Following your advice, I will pursue targeted projects");
    }

    private static String draft(String name, String employer, List<String> takeaways, String advice) {
        NoteContent content = NoteContent.of(name, employer, "Analyst", "GRANTED", false, List.of(), takeaways, advice);
        return NoteRecord.empty("iv-1", new Member("alice", "uni"), ENDED)
                .heldAs(new HeldInterview("contact-1", ENDED.minusSeconds(1800), ENDED, 30, 30, false))
                .record(content, ENDED).state().thankYouDraft();
    }
}
