package io.rapport.contacts.contacts;

import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.nio.charset.StandardCharsets;

/**
 * Which of the member's contacts to list and in which order. Every filter is optional; {@code text}
 * is looked for in name, employer and role, ignoring case.
 */
public record ContactQuery(String employer, ContactStage stage, ContactSource source, CareerStage careerStage,
        String tag, String text, ContactSort sort) {

    public static final ContactQuery ALL = new ContactQuery(null, null, null, null, null, null, ContactSort.CREATED);

    /** Orders with the contact id as the tie-breaker, so pages never skip or repeat a contact. */
    public enum ContactSort {
        CREATED, NAME
    }

    /** Where the previous page ended: the sort value of its last contact (for NAME) and its id. */
    public record Cursor(String sortValue, String id) {

        public String encode() {
            String raw = sortValue == null ? id : sortValue + "\u0000" + id;
            return sortValue == null ? id : Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }
    }

    public static ContactQuery of(String employer, String stage, String source, String careerStage, String tag,
            String text, String sort) {
        List<FieldProblem> problems = new ArrayList<>();
        ContactStage cleanStage = null;
        if (present(stage)) {
            cleanStage = Arrays.stream(ContactStage.values()).filter(s -> s.name().equals(stage.trim().toUpperCase(Locale.ROOT)))
                    .findFirst().orElse(null);
            if (cleanStage == null) {
                problems.add(new FieldProblem("stage", "must be one of " + Arrays.toString(ContactStage.values())));
            }
        }
        ContactSource cleanSource = null;
        if (present(source)) {
            cleanSource = ContactSource.parse(source).orElse(null);
            if (cleanSource == null) {
                problems.add(new FieldProblem("source", "must be one of " + Arrays.toString(ContactSource.values())));
            }
        }
        CareerStage cleanCareer = null;
        if (present(careerStage)) {
            cleanCareer = CareerStage.parse(careerStage).orElse(null);
            if (cleanCareer == null) {
                problems.add(new FieldProblem("careerStage", "must be one of " + Arrays.toString(CareerStage.values())));
            }
        }
        ContactSort cleanSort = ContactSort.CREATED;
        if (present(sort)) {
            cleanSort = Arrays.stream(ContactSort.values()).filter(s -> s.name().equals(sort.trim().toUpperCase(Locale.ROOT)))
                    .findFirst().orElse(null);
            if (cleanSort == null) {
                problems.add(new FieldProblem("sort", "must be created or name"));
            }
        }
        for (String[] limited : new String[][] {{"employer", employer}, {"tag", tag}, {"q", text}}) {
            if (limited[1] != null && limited[1].length() > 200) {
                problems.add(new FieldProblem(limited[0], "must be at most 200 characters"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ContactQuery(present(employer) ? ContactDetails.fold(employer) : null, cleanStage, cleanSource,
                cleanCareer, present(tag) ? tag.strip().toLowerCase(Locale.ROOT) : null,
                present(text) ? text.strip() : null, cleanSort);
    }

    /** The cursor a client got as {@code nextCursor}. */
    public Cursor decode(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        if (sort == ContactSort.CREATED) {
            return new Cursor(null, after);
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            int split = raw.lastIndexOf('\u0000');
            if (split < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new Cursor(raw.substring(0, split), raw.substring(split + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("after", "is not a cursor from this list");
        }
    }

    /** The cursor after {@code contact} in this order. */
    public Cursor cursorAfter(Contact contact) {
        return new Cursor(sort == ContactSort.NAME ? ContactDetails.fold(contact.details().name()) : null, contact.id());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
