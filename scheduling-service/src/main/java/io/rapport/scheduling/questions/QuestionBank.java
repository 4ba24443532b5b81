package io.rapport.scheduling.questions;

import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Ids;
import io.rapport.platform.domain.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The seeded questions plus the member's own, by category or TIARA step. */
public class QuestionBank {

    public static final int MAX_TEXT = 300;

    private final MemberQuestions own;

    public QuestionBank(MemberQuestions own) {
        this.own = own;
    }

    public List<Question> list(Member member, String category, String tiara) {
        List<FieldProblem> problems = new ArrayList<>();
        QuestionCategory wantedCategory = Fields.oneOf(QuestionCategory.class, category, "category", problems);
        TiaraStep wantedStep = Fields.oneOf(TiaraStep.class, tiara, "tiara", problems);
        Fields.check(problems);
        return Stream.concat(SeedQuestions.all().stream(), own.list(member).stream())
                .filter(q -> wantedCategory == null || q.category() == wantedCategory)
                .filter(q -> wantedStep == null || q.tiara() == wantedStep)
                .toList();
    }

    public Question add(Member member, String text, String category, String tiara) {
        List<FieldProblem> problems = new ArrayList<>();
        String clean = Fields.requiredText(text == null ? null : text.replaceAll("\\s+", " "), "text", MAX_TEXT, problems);
        QuestionCategory parsedCategory = Fields.requiredOneOf(QuestionCategory.class, category, "category", problems);
        TiaraStep parsedStep = Fields.oneOf(TiaraStep.class, tiara, "tiara", problems);
        Fields.check(problems);
        String normalized = normalize(clean);
        Optional<Question> existing = SeedQuestions.all().stream().filter(q -> normalize(q.text()).equals(normalized))
                .findFirst().or(() -> own.findByText(member, normalized));
        existing.ifPresent(q -> {
            throw new ConflictException("This question is already in your bank", Map.of("existingQuestionId", q.id()));
        });
        Question question = new Question(Ids.newId(), member, clean, parsedCategory, parsedStep, "member");
        own.add(question, normalized);
        return question;
    }

    /** A seeded question or one of the member's own. */
    public Optional<Question> find(Member member, String id) {
        return SeedQuestions.all().stream().filter(q -> q.id().equals(id)).findFirst().or(() -> own.find(member, id));
    }

    static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
