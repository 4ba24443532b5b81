package io.rapport.scheduling.questions;

import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Ids;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import java.util.ArrayList;
import java.util.Arrays;
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
        QuestionCategory wantedCategory = category == null ? null : parse(QuestionCategory.class, category, "category", problems);
        TiaraStep wantedStep = tiara == null ? null : parse(TiaraStep.class, tiara, "tiara", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return Stream.concat(SeedQuestions.all().stream(), own.list(member).stream())
                .filter(q -> wantedCategory == null || q.category() == wantedCategory)
                .filter(q -> wantedStep == null || q.tiara() == wantedStep)
                .toList();
    }

    public Question add(Member member, String text, String category, String tiara) {
        List<FieldProblem> problems = new ArrayList<>();
        String clean = text == null || text.isBlank() ? null : text.strip().replaceAll("\\s+", " ");
        if (clean == null) {
            problems.add(new FieldProblem("text", "is required"));
        } else if (clean.length() > MAX_TEXT) {
            problems.add(new FieldProblem("text", "must be at most " + MAX_TEXT + " characters"));
        }
        QuestionCategory parsedCategory = category == null || category.isBlank()
                ? missing("category", problems) : parse(QuestionCategory.class, category, "category", problems);
        TiaraStep parsedStep = tiara == null || tiara.isBlank() ? null : parse(TiaraStep.class, tiara, "tiara", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
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

    private static QuestionCategory missing(String field, List<FieldProblem> problems) {
        problems.add(new FieldProblem(field, "is required: one of " + Arrays.toString(QuestionCategory.values())));
        return null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldProblem> problems) {
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        problems.add(new FieldProblem(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
        return null;
    }
}
