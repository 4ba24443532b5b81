package io.rapport.scheduling.questions;

import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import io.rapport.scheduling.interviews.Interview;
import io.rapport.scheduling.interviews.InterviewBook;
import io.rapport.scheduling.interviews.Interviews;
import io.rapport.scheduling.interviews.PlannedQuestion;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Question plans per interview, drawn from the bank or written for the occasion. */
public class QuestionPlanner {

    public static final int MAX_ITEMS = 30;
    public static final int MAX_MINUTES_EACH = 30;
    public static final int DEFAULT_MINUTES = 3;
    /** When the member marked none, the first questions of the plan go out in advance: a few, not the whole list. */
    public static final int DEFAULT_IN_ADVANCE = 3;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);

    private final InterviewBook interviews;
    private final Interviews store;
    private final QuestionBank bank;
    private final Clock clock;

    public QuestionPlanner(InterviewBook interviews, Interviews store, QuestionBank bank, Clock clock) {
        this.interviews = interviews;
        this.store = store;
        this.bank = bank;
        this.clock = clock;
    }

    /** One item as the member sends it: a question of the bank by id, or a text of its own. */
    public record Item(String questionId, String text, Integer minutes, Boolean sendInAdvance) {
    }

    public QuestionPlan plan(Member member, String interviewId) {
        return QuestionPlan.of(interviews.get(member, interviewId));
    }

    public QuestionPlan replace(Member member, String interviewId, List<Item> items) {
        Interview interview = interviews.get(member, interviewId);
        List<FieldProblem> problems = new ArrayList<>();
        List<PlannedQuestion> planned = new ArrayList<>();
        List<Item> given = items == null ? List.of() : items;
        Fields.atMost(given, MAX_ITEMS, "items", problems);
        for (int i = 0; i < given.size() && i < MAX_ITEMS; i++) {
            String field = "items[" + i + "]";
            Item item = given.get(i);
            if (item == null) {
                problems.add(new FieldProblem(field, "is required"));
                continue;
            }
            int minutes = item.minutes() == null ? DEFAULT_MINUTES : item.minutes();
            Fields.between(minutes, 1, MAX_MINUTES_EACH, field + ".minutes", problems);
            boolean inAdvance = Boolean.TRUE.equals(item.sendInAdvance());
            boolean hasId = item.questionId() != null && !item.questionId().isBlank();
            boolean hasText = item.text() != null && !item.text().isBlank();
            if (hasId == hasText) {
                problems.add(new FieldProblem(field, "needs either a questionId from the bank or a text, not both"));
            } else if (hasId) {
                bank.find(member, item.questionId().strip()).ifPresentOrElse(
                        q -> planned.add(new PlannedQuestion(q.id(), q.text(), q.category().name(), minutes, inAdvance)),
                        () -> problems.add(new FieldProblem(field + ".questionId", "is not a question in your bank")));
            } else {
                String text = Fields.text(item.text(), field + ".text", QuestionBank.MAX_TEXT, problems);
                if (text != null) {
                    planned.add(new PlannedQuestion(null, text, null, minutes, inAdvance));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Interview updated = interview.withQuestionPlan(planned, clock.instant());
        store.update(new Change<>(updated, List.of()), interview.version());
        return QuestionPlan.of(updated);
    }

    /** The questions to send the contact before the conversation, as plain text to paste into a message. */
    public String inAdvance(Member member, String interviewId) {
        Interview interview = interviews.get(member, interviewId);
        List<PlannedQuestion> marked = interview.questionPlan().stream().filter(PlannedQuestion::sendInAdvance).toList();
        List<PlannedQuestion> chosen = marked.isEmpty()
                ? interview.questionPlan().stream().limit(DEFAULT_IN_ADVANCE).toList() : marked;
        if (chosen.isEmpty()) {
            throw new io.rapport.platform.domain.ConflictException(
                    "The interview has no question plan yet: add questions before sending them in advance");
        }
        String firstName = interview.contactName().split("\\s+")[0];
        StringBuilder text = new StringBuilder("Hi ").append(firstName).append(",\n\n");
        if (interview.slot() != null) {
            text.append("Thank you again for making time to talk on ")
                    .append(WHEN.format(LocalDateTime.ofInstant(interview.slot().start(), interview.contactTimeZone())))
                    .append(" (your time). ");
        }
        text.append("So you know what I hope to learn — ").append(interview.objective().replaceAll("[.!]+$", ""))
                .append(" — here are a few questions I would love to ask:\n\n");
        for (int i = 0; i < chosen.size(); i++) {
            text.append(i + 1).append(". ").append(chosen.get(i).text()).append('\n');
        }
        text.append("\nNo need to prepare anything; I look forward to our conversation.\n");
        return text.toString();
    }
}
