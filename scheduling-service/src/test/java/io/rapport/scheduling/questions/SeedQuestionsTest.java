package io.rapport.scheduling.questions;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.domain.Member;
import io.rapport.scheduling.interviews.Interview;
import io.rapport.scheduling.interviews.PlannedQuestion;
import io.rapport.scheduling.interviews.Proposal;
import io.rapport.scheduling.interviews.SlotRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeedQuestionsTest {

    @Test
    void theBankHoldsTheSeedQuestionsInEveryCategoryAndTheWholeTiaraFrame() {
        List<Question> seeds = SeedQuestions.all();

        assertThat(seeds).extracting(Question::text).contains(
                "What do you enjoy most about your role?",
                "How did you get into this field and into your current position?",
                "What professional associations would be most helpful?",
                "What challenges do you face regularly in this industry?");
        assertThat(seeds.stream().map(Question::category).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(QuestionCategory.values());
        assertThat(seeds.stream().map(Question::tiara).filter(java.util.Objects::nonNull).toList())
                .containsExactlyInAnyOrder(TiaraStep.values());
        assertThat(seeds).allSatisfy(q -> {
            assertThat(q.text()).endsWith("?");
            assertThat(q.seeded()).isTrue();
        });
        assertThat(seeds).extracting(Question::id).doesNotHaveDuplicates();
        assertThat(seeds.stream().map(q -> QuestionBank.normalize(q.text())).distinct().count()).isEqualTo(seeds.size());
        assertThat(Arrays.stream(QuestionCategory.values()).map(Enum::name)).contains("RESOURCES_AND_REFERRALS");
    }

    @Test
    void aPlanLongerThanTheInterviewIsFlaggedNotRefused() {
        Instant now = Instant.parse("2027-03-01T09:00:00Z");
        Interview interview = Interview.propose("i-1", new Member("alice", "uni"), "Ada",
                Proposal.of(new Proposal.Request("c-1", "Learn.", List.of(new SlotRequest("2027-03-10T09:00Z", 20)),
                        new Proposal.FormatRequest("PHONE", null, "+1 555 0100", null, null), "Europe/Berlin", "UTC"),
                        null, now), now).state();

        QuestionPlan fits = QuestionPlan.of(interview.withQuestionPlan(List.of(
                new PlannedQuestion(null, "A?", null, 10, false), new PlannedQuestion(null, "B?", null, 10, false)), now));
        QuestionPlan tooLong = QuestionPlan.of(interview.withQuestionPlan(List.of(
                new PlannedQuestion(null, "A?", null, 15, false), new PlannedQuestion(null, "B?", null, 10, false)), now));

        assertThat(fits.warnings()).isEmpty();
        assertThat(fits.totalMinutes()).isEqualTo(20);
        assertThat(tooLong.interviewMinutes()).isEqualTo(20);
        assertThat(tooLong.warnings()).singleElement().asString().contains("25 minutes", "lasts 20", "5 minutes");
    }
}
