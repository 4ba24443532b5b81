package io.rapport.notes.notes;

import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Ids;
import io.rapport.platform.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the member saves for one held interview: who it was with (as the member names them, since
 * no event carries contact names to notes), the consent, the entries, the key takeaways and the
 * advice they will act on. Only {@link #of} makes one, so every instance is valid.
 */
public record NoteContent(String contactName, String employer, String role, Consent consent,
        boolean permissionToShare, List<Entry> entries, List<String> takeaways, String advice) {

    public static final int MAX_ENTRIES = 200;
    public static final int MAX_ENTRY_TEXT = 2000;
    public static final int MAX_TAKEAWAYS = 20;
    public static final int MAX_NAME = 200;
    public static final int MAX_TAKEAWAY = 500;
    public static final int MAX_ADVICE = 500;

    /** An entry as it arrives, before validation. */
    public record EntryInput(String category, String text, Boolean sensitive) {
    }

    public NoteContent {
        entries = List.copyOf(entries);
        takeaways = List.copyOf(takeaways);
    }

    /** @throws InvalidInputException naming every field at fault */
    public static NoteContent of(String contactName, String employer, String role, String consent,
            Boolean permissionToShare, List<EntryInput> entries, List<String> takeaways, String advice) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = Fields.text(contactName, "contactName", MAX_NAME, problems);
        String cleanEmployer = Fields.text(employer, "employer", MAX_NAME, problems);
        String cleanRole = Fields.text(role, "role", MAX_NAME, problems);
        Consent cleanConsent = Fields.requiredOneOf(Consent.class, consent, "consent", problems);
        List<Entry> cleanEntries = new ArrayList<>();
        List<EntryInput> given = entries == null ? List.of() : entries;
        if (given.size() > MAX_ENTRIES) {
            problems.add(new FieldProblem("entries", "must have at most " + MAX_ENTRIES + " items"));
        } else {
            for (int i = 0; i < given.size(); i++) {
                EntryInput input = given.get(i);
                String field = "entries[" + i + "]";
                if (input == null) {
                    problems.add(new FieldProblem(field, "is required"));
                    continue;
                }
                Category category = Fields.requiredOneOf(Category.class, input.category(), field + ".category", problems);
                String text = Fields.requiredText(input.text(), field + ".text", MAX_ENTRY_TEXT, problems);
                if (category != null && text != null) {
                    cleanEntries.add(new Entry(Ids.newId(), category, text, Boolean.TRUE.equals(input.sensitive())));
                }
            }
        }
        List<String> cleanTakeaways = new ArrayList<>();
        List<String> givenTakeaways = takeaways == null ? List.of() : takeaways;
        if (givenTakeaways.size() > MAX_TAKEAWAYS) {
            problems.add(new FieldProblem("takeaways", "must have at most " + MAX_TAKEAWAYS + " items"));
        } else {
            for (int i = 0; i < givenTakeaways.size(); i++) {
                String takeaway = Fields.requiredText(givenTakeaways.get(i), "takeaways[" + i + "]", MAX_TAKEAWAY, problems);
                if (takeaway != null) {
                    cleanTakeaways.add(takeaway);
                }
            }
        }
        String cleanAdvice = Fields.text(advice, "advice", MAX_ADVICE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new NoteContent(name, cleanEmployer, cleanRole, cleanConsent, Boolean.TRUE.equals(permissionToShare),
                cleanEntries, cleanTakeaways, cleanAdvice);
    }
}
