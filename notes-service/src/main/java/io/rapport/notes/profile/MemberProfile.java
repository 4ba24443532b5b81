package io.rapport.notes.profile;

import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** What the member says about themselves: their skills (for skill gaps), target roles and industries. */
public record MemberProfile(Member owner, List<String> skills, List<String> targetRoles, List<String> industries) {

    public static final int MAX_ITEMS = 50;
    public static final int MAX_ITEM = 100;

    public MemberProfile {
        skills = List.copyOf(skills);
        targetRoles = List.copyOf(targetRoles);
        industries = List.copyOf(industries);
    }

    public static MemberProfile empty(Member owner) {
        return new MemberProfile(owner, List.of(), List.of(), List.of());
    }

    /** @throws InvalidInputException naming every field at fault */
    public static MemberProfile of(Member owner, List<String> skills, List<String> targetRoles, List<String> industries) {
        List<FieldProblem> problems = new ArrayList<>();
        MemberProfile profile = new MemberProfile(owner, clean(skills, "skills", problems),
                clean(targetRoles, "targetRoles", problems), clean(industries, "industries", problems));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return profile;
    }

    private static List<String> clean(List<String> values, String field, List<FieldProblem> problems) {
        List<String> given = values == null ? List.of() : values;
        if (given.size() > MAX_ITEMS) {
            problems.add(new FieldProblem(field, "must have at most " + MAX_ITEMS + " items"));
            return List.of();
        }
        LinkedHashSet<String> cleaned = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String value = Fields.requiredText(given.get(i), field + "[" + i + "]", MAX_ITEM, problems);
            if (value != null) {
                cleaned.add(value);
            }
        }
        return List.copyOf(cleaned);
    }
}
