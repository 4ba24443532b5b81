package io.rapport.scheduling.questions;

import io.rapport.scheduling.interviews.Interview;
import io.rapport.scheduling.interviews.PlannedQuestion;
import java.util.ArrayList;
import java.util.List;

/**
 * An interview's questions in order, with the time they should take. The practice is to keep to the
 * agreed time, so a plan longer than the interview is flagged — a warning, not a refusal, since the
 * member may mean to drop questions on the day.
 */
public record QuestionPlan(String interviewId, List<PlannedQuestion> items, int totalMinutes, int interviewMinutes,
        List<String> warnings) {

    public static QuestionPlan of(Interview interview) {
        List<PlannedQuestion> items = interview.questionPlan();
        int total = items.stream().mapToInt(PlannedQuestion::minutes).sum();
        int available = interview.plannedMinutes();
        List<String> warnings = new ArrayList<>();
        if (total > available) {
            warnings.add("The plan takes " + total + " minutes but the interview lasts " + available
                    + ": drop or shorten " + (total - available) + " minutes of questions.");
        }
        return new QuestionPlan(interview.id(), items, total, available, List.copyOf(warnings));
    }
}
