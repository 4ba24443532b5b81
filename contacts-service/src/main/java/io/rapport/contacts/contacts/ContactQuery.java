package io.rapport.contacts.contacts;

import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.InvalidInputException;
import java.util.ArrayList;
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
        ContactStage cleanStage = Fields.oneOf(ContactStage.class, stage, "stage", problems);
        ContactSource cleanSource = Fields.oneOf(ContactSource.class, source, "source", problems);
        CareerStage cleanCareer = Fields.oneOf(CareerStage.class, careerStage, "careerStage", problems);
        ContactSort cleanSort = present(sort) ? Fields.oneOf(ContactSort.class, sort, "sort", problems) : ContactSort.CREATED;
        Fields.text(employer, "employer", ContactDetails.MAX_TEXT, problems);
        Fields.text(tag, "tag", ContactDetails.MAX_TEXT, problems);
        Fields.text(text, "q", ContactDetails.MAX_TEXT, problems);
        Fields.check(problems);
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
