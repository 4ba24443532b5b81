package io.rapport.notes.notes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A thank-you built from the notes: the contact's first name, the specific takeaways, the advice
 * the member will act on, under 150 words and without any ask. Takeaways and advice are written as
 * notes ("Build a small SQL portfolio project."); the draft says them as a person would in a letter
 * ("your suggestion to build a small SQL portfolio project"), and quotes what is a sentence of its own.
 */
public final class ThankYouDraft {

    public static final int MAX_WORDS = 150;
    /** However few words: a thank-you of one endless word is refused too. */
    public static final int MAX_CHARACTERS = 10_000;
    /** Keeps the draft under {@link #MAX_WORDS} whatever the member wrote in the notes: one takeaway or advice. */
    private static final int MAX_QUOTED_WORDS = 35;
    /** All takeaways together (the first always has a place, shortened to {@link #MAX_QUOTED_WORDS}). */
    private static final int MAX_TAKEAWAY_WORDS = 45;

    /** First words that make a takeaway or the advice an action: "Build …", "Seek feedback …", "Update your …". */
    private static final Set<String> ACTION_VERBS = Set.of("accept", "apply", "ask", "attend", "avoid", "be", "begin",
            "build", "celebrate", "check", "choose", "collect", "connect", "consider", "contact", "contribute",
            "create", "cultivate", "customize", "develop", "do", "email", "engage", "explore", "find", "focus",
            "follow", "get", "go", "identify", "improve", "invest", "join", "keep", "learn", "listen", "look", "make",
            "meet", "practice", "practise", "prepare", "publish", "pursue", "read", "reach", "reflect", "research",
            "review", "schedule", "seek", "send", "set", "share", "ship", "sign", "spend", "start", "stay", "stop",
            "study", "take", "talk", "teach", "tell", "think", "track", "translate", "treat", "try", "update", "use",
            "visit", "volunteer", "watch", "write", "plan", "reconnect", "rewrite", "shadow", "speak");
    /** Words that make a takeaway something said rather than a topic: "Curiosity matters more than …". */
    private static final Set<String> FINITE_VERBS = Set.of("is", "are", "was", "were", "am", "isn't", "aren't",
            "wasn't", "has", "have", "had", "hasn't", "haven't", "does", "did", "doesn't", "don't", "didn't", "can",
            "cannot", "can't", "could", "will", "won't", "would", "should", "must", "may", "might", "matter",
            "matters", "mattered", "means", "beats", "pays", "counts", "helps", "said", "says", "seems");
    private static final Set<String> SUBJECTS = Set.of("i", "you", "we", "they", "he", "she", "it", "it's",
            "there", "there's", "everyone", "nobody", "nothing", "everything");
    /** Names a member often starts a takeaway with, whose capital is kept. */
    private static final Set<String> KNOWN_NAMES = Set.of("I", "Python", "Java", "Excel", "Tableau", "Google",
            "Microsoft", "Amazon", "Apple", "Salesforce", "English", "Spanish", "French", "German", "Chinese",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
            "March", "April", "May", "June", "July", "August", "September", "October", "November", "December");

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
        Set<String> properNouns = properNouns(record);
        List<String> takeaways = record.takeaways().isEmpty()
                ? Optional.ofNullable(firstAdviceOrInsight(record)).map(List::of).orElse(List.of())
                : record.takeaways();
        appendTakeaways(draft, takeaways, properNouns);
        if (record.advice() != null) {
            Phrase advice = Phrase.of(record.advice());
            if (advice.kind() == Kind.ACTION) {
                draft.append("Following your advice, I will ").append(advice.inSentence(properNouns)).append(". ");
            } else {
                draft.append("I will keep your advice in mind: ").append(advice.quoted()).append(" ");
            }
        }
        draft.append("Our conversation gave me a much clearer picture, and I am grateful for your time and insight.")
                .append("\n\n").append("With thanks,");
        return draft.toString();
    }

    /**
     * Topics as "what you shared about A, B and C", actions as "your suggestion to do A and B", a full sentence
     * quoted as it was said (one at most): the takeaways in the member's order, as many as fit in
     * {@link #MAX_TAKEAWAY_WORDS} (the first always, shortened if it must be).
     */
    private static void appendTakeaways(StringBuilder draft, List<String> takeaways, Set<String> properNouns) {
        List<String> topics = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        String quote = null;
        int words = 0;
        for (String takeaway : takeaways) {
            Phrase phrase = Phrase.of(takeaway);
            if (phrase.isEmpty() || phrase.kind() == Kind.SENTENCE && quote != null) {
                continue;
            }
            int length = Math.min(phrase.words(), MAX_QUOTED_WORDS);
            if (words > 0 && words + length > MAX_TAKEAWAY_WORDS) {
                continue;
            }
            words += length;
            switch (phrase.kind()) {
                case TOPIC -> topics.add(phrase.inSentence(properNouns));
                case ACTION -> actions.add(phrase.inSentence(properNouns));
                case SENTENCE -> quote = phrase.quoted();
            }
        }
        // Each part its own opening, so three parts do not read as one sentence said three times.
        List<String> leads = new ArrayList<>(List.of("I especially appreciated ", "I also appreciated ",
                "And I keep thinking about "));
        if (!topics.isEmpty()) {
            draft.append(leads.removeFirst()).append("what you shared about ").append(joined(topics)).append(". ");
        }
        if (!actions.isEmpty()) {
            draft.append(leads.removeFirst()).append(actions.size() == 1 ? "your suggestion to " : "your suggestions to ")
                    .append(joined(actions)).append(". ");
        }
        if (quote != null) {
            draft.append(leads.removeFirst()).append("what you said: ").append(quote).append(" ");
        }
    }

    /** "A", "A and B", "A, B and C". */
    static String joined(List<String> parts) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }

    /** Words whose capital stays: the contact's and the employer's names, and a few names members often write. */
    private static Set<String> properNouns(NoteRecord record) {
        Set<String> names = new HashSet<>(KNOWN_NAMES);
        for (String name : new String[] {record.contactName(), record.employer()}) {
            if (name != null) {
                for (String word : name.split("[\\s,]+")) {
                    names.add(bare(word));
                }
            }
        }
        return names;
    }

    private static String bare(String word) {
        return word.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "").replaceAll("['’]s$", "");
    }

    /** What a takeaway or the advice is, so the draft can say it in a sentence of its own. */
    enum Kind {
        /** "Build a small SQL portfolio project": follows "your suggestion to" and "I will". */
        ACTION,
        /** "SQL and stakeholder communication": follows "what you shared about". */
        TOPIC,
        /** "Ethics sustain trust and encourage ongoing mentorship.": quoted as it was said. */
        SENTENCE
    }

    record Phrase(Kind kind, String text) {

        private static final Pattern ADDRESSED = Pattern.compile(
                "^(you should|you must|you need to|you have to|you could|try to|make sure to|i should|i will|i'll)\\s+",
                Pattern.CASE_INSENSITIVE);

        static Phrase of(String raw) {
            String text = raw == null ? "" : raw.strip();
            String action = ADDRESSED.matcher(text).replaceFirst("");
            if (!action.equals(text) || ACTION_VERBS.contains(firstWord(text))) {
                return new Phrase(Kind.ACTION, action);
            }
            String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[.!?…]+$", "").split("\\s+");
            boolean saysSomething = Arrays.stream(words).anyMatch(FINITE_VERBS::contains)
                    || SUBJECTS.contains(words[0])
                    || text.matches(".*[.!?]$") && words.length >= 5;
            return new Phrase(saysSomething ? Kind.SENTENCE : Kind.TOPIC, text);
        }

        boolean isEmpty() {
            return text.isEmpty();
        }

        int words() {
            return text.split("\\s+").length;
        }

        /** Inside a sentence: a lower-case first letter unless it is a name or an acronym, no closing stop. */
        String inSentence(Set<String> properNouns) {
            String shortened = shortened(text.replaceAll("[\\s.!?;:,…]+$", ""));
            String first = shortened.split("\\s+")[0];
            boolean commonWord = first.matches("\\p{Lu}[\\p{Ll}'’-]*") && !properNouns.contains(bare(first));
            return commonWord ? Character.toLowerCase(shortened.charAt(0)) + shortened.substring(1) : shortened;
        }

        /** As it was said, with its closing stop. */
        String quoted() {
            String shortened = shortened(text);
            return "\"" + (shortened.matches("(?s).*[.!?…]$") ? shortened : shortened + ".") + "\"";
        }

        private static String shortened(String text) {
            String[] words = text.split("\\s+");
            if (words.length <= MAX_QUOTED_WORDS) {
                return text;
            }
            return String.join(" ", Arrays.copyOf(words, MAX_QUOTED_WORDS)).replaceAll("[\\s.!?;:,]+$", "") + "…";
        }

        private static String firstWord(String text) {
            String first = text.split("\\s+")[0].toLowerCase(Locale.ROOT);
            return first.replaceAll("[,;:.!?]+$", "");
        }
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
}
