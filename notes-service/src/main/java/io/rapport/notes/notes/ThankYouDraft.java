package io.rapport.notes.notes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A thank-you built from the notes: the contact's first name, one specific takeaway, the advice
 * the member will act on, under 150 words and without any ask.
 */
public final class ThankYouDraft {

    public static final int MAX_WORDS = 150;
    /** However few words: a thank-you of one endless word is refused too. */
    public static final int MAX_CHARACTERS = 10_000;
    /** Keeps the draft under {@link #MAX_WORDS} whatever the member wrote in the notes. */
    private static final int MAX_QUOTED_WORDS = 35;

    private static final Pattern JOB_WORDS = Pattern.compile(
            "\\b(job (opening|openings|offer|offers)|openings?|vacanc(y|ies)|open (role|roles|position|positions)"
                    + "|positions? (open|available)|hire me|hiring|(my|your) (resume|résumé|cv)|(for|about|any|a) job)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private ThankYouDraft() {
    }

    public static int words(String text) {
        String clean = io.rapport.platform.domain.Fields.clean(text);
        return clean == null ? 0 : clean.split("\\s+").length;
    }

    public static String from(NoteRecord record) {
        StringBuilder draft = new StringBuilder();
        String firstName = firstName(record.contactName());
        draft.append(firstName == null ? "Hello," : "Dear " + firstName + ",").append("\n\n");
        draft.append("Thank you for taking the time to talk with me")
                .append(record.employer() == null ? "" : " about your work at " + record.employer())
                .append(". ");
        String takeaway = record.takeaways().isEmpty() ? firstAdviceOrInsight(record) : record.takeaways().getFirst();
        if (takeaway != null) {
            draft.append("I especially appreciated what you shared about ").append(quote(takeaway)).append(". ");
        }
        if (record.advice() != null) {
            draft.append("Following your advice, I will ").append(quote(record.advice())).append(". ");
        }
        draft.append("Our conversation gave me a much clearer picture, and I am grateful for your time and insight.")
                .append("\n\n").append("With thanks,");
        return draft.toString();
    }

    /**
     * What in an edited thank-you breaks the practice: a thank-you asks for nothing, least of all a job.
     * Advice only; the member decides.
     */
    public static List<String> warnings(String text) {
        List<String> warnings = new ArrayList<>();
        if (text.contains("?")) {
            warnings.add("It asks a question: a thank-you makes no ask.");
        }
        if (JOB_WORDS.matcher(text).find()) {
            warnings.add("It mentions a job or an opening: an informational interview is never a job request.");
        }
        return warnings;
    }

    static String firstName(String contactName) {
        if (contactName == null) {
            return null;
        }
        return Arrays.stream(contactName.strip().split("\\s+"))
                .filter(part -> !part.endsWith(".") || part.length() > 3) // skips "Dr." and "Ms."
                .findFirst().orElse(null);
    }

    private static String firstAdviceOrInsight(NoteRecord record) {
        return record.entries().stream().filter(entry -> !entry.sensitive())
                .min(Comparator.comparing(entry -> entry.category() == Category.ADVICE ? 0 : 1))
                .map(Entry::text).orElse(null);
    }

    private static String quote(String text) {
        String[] words = text.strip().replaceAll("[.!?]+$", "").split("\\s+");
        String shown = String.join(" ", Arrays.copyOf(words, Math.min(words.length, MAX_QUOTED_WORDS)));
        return words.length > MAX_QUOTED_WORDS ? shown + "…" : shown;
    }
}
