package io.rapport.contacts.outreach;

import io.rapport.contacts.contacts.OutreachChannel;
import io.rapport.contacts.outreach.LintFinding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "short email" rules, run on every draft: short (75 words by e-mail, 300 characters in a
 * LinkedIn note, LinkedIn's own limit), never about jobs, the connection in the first sentence,
 * the ask phrased as a question, most words about the contact, and some personalization.
 * Heuristics on English text; each finding names its rule so the member can judge.
 */
public final class OutreachLinter {

    public static final int MAX_EMAIL_WORDS = 75;
    public static final int MAX_LINKEDIN_CHARACTERS = 300;

    static final String TOO_LONG = "too-long";
    static final String JOB_MENTION = "job-mention";
    static final String CONNECTION_NOT_FIRST = "connection-not-first";
    static final String ASK_NOT_QUESTION = "ask-not-question";
    static final String NOT_ABOUT_CONTACT = "not-about-contact";
    static final String NO_PERSONALIZATION = "no-personalization";

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    private static final Pattern JOB_WORDS = Pattern.compile(
            "(?iu)\\b(jobs?|positions?|openings?|vacanc(?:y|ies)|hiring|r[eé]sum[eé]s?|cvs?|refer me)\\b");
    private static final Pattern SALUTATION = Pattern.compile("(?iu)^\\s*(hi|hello|hey|dear|good (morning|afternoon|evening))\\b[^\\n.!?]{0,60}[,!:]?\\s*\\n");
    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+(?:[.!?]+|\\n|$)");
    private static final Pattern CONNECTION_CUES = Pattern.compile("(?iu)\\b(alumn\\w*|fellow|referred|recommended|"
            + "suggested|mentioned|introduc\\w*|we met|met at|mutual|also (studied|graduated|worked)|graduate of|"
            + "your (talk|article|post|work|book|interview|podcast|panel|presentation|project|paper)|read your|saw your|"
            + "heard (you|your)|follow your|same (school|university|program|team))\\b");
    private static final Pattern ASK_CUES = Pattern.compile(
            "(?iu)\\b(minutes?|chat|call|talk|meet|meeting|coffee|conversation|speak|time)\\b");
    private static final Pattern SECOND_PERSON = Pattern.compile("(?iu)\\b(you|your|yours|yourself|you're|you've)\\b");
    private static final Pattern FIRST_PERSON = Pattern.compile("(?iu)\\b(i|i'm|i've|i'd|me|my|mine|myself)\\b");
    private static final Pattern GENERIC = Pattern.compile(
            "(?iu)to whom it may concern|dear (sir|madam|sir or madam|hiring manager)|hello there|\\{\\{[^}]*}}");

    private OutreachLinter() {
    }

    public static List<LintFinding> lint(String text, OutreachChannel channel, DraftContext context) {
        List<LintFinding> findings = new ArrayList<>();
        length(text, channel, findings);
        jobs(text, findings);
        List<Span> sentences = sentences(text);
        connectionFirst(text, sentences, context, findings);
        askAsQuestion(text, sentences, findings);
        aboutContact(text, sentences, context, findings);
        personalization(text, context, findings);
        return findings;
    }

    private record Span(int start, int end, String text) {
    }

    private static void length(String text, OutreachChannel channel, List<LintFinding> findings) {
        if (channel == OutreachChannel.LINKEDIN && text.length() > MAX_LINKEDIN_CHARACTERS) {
            findings.add(finding(text, TOO_LONG, Severity.ERROR, "A LinkedIn note holds " + MAX_LINKEDIN_CHARACTERS
                    + " characters; this one has " + text.length() + ".", MAX_LINKEDIN_CHARACTERS, text.length()));
        } else if (channel != OutreachChannel.LINKEDIN) {
            Matcher words = WORD.matcher(text);
            int count = 0;
            int overflowStart = -1;
            while (words.find()) {
                count++;
                if (count == MAX_EMAIL_WORDS + 1) {
                    overflowStart = words.start();
                }
            }
            if (count > MAX_EMAIL_WORDS) {
                findings.add(finding(text, TOO_LONG, Severity.WARNING, "Keep it under " + MAX_EMAIL_WORDS
                        + " words; this one has " + count + ".", overflowStart, text.length()));
            }
        }
    }

    private static void jobs(String text, List<LintFinding> findings) {
        Matcher matcher = JOB_WORDS.matcher(text);
        while (matcher.find()) {
            findings.add(finding(text, JOB_MENTION, Severity.WARNING, "Ask to learn, never for a job: \""
                    + matcher.group() + "\" reads as a job request.", matcher.start(), matcher.end()));
        }
    }

    private static void connectionFirst(String text, List<Span> sentences, DraftContext context,
            List<LintFinding> findings) {
        if (sentences.isEmpty()) {
            return;
        }
        Span first = sentences.getFirst();
        if (statesConnection(first.text(), context)) {
            return;
        }
        boolean later = sentences.stream().skip(1).anyMatch(sentence -> statesConnection(sentence.text(), context));
        findings.add(finding(text, CONNECTION_NOT_FIRST, Severity.WARNING, later
                ? "Move the connection (how you know of them, who referred you) to the first sentence."
                : "Start with the connection: how you know of them or who referred you.", first.start(), first.end()));
    }

    private static boolean statesConnection(String sentence, DraftContext context) {
        if (CONNECTION_CUES.matcher(sentence).find()) {
            return true;
        }
        String lower = sentence.toLowerCase(Locale.ROOT);
        return mentions(lower, context.referrerName()) || mentions(lower, context.hook());
    }

    private static void askAsQuestion(String text, List<Span> sentences, List<LintFinding> findings) {
        List<Span> asks = sentences.stream().filter(sentence -> ASK_CUES.matcher(sentence.text()).find()).toList();
        if (asks.stream().anyMatch(ask -> ask.text().strip().endsWith("?"))) {
            return;
        }
        if (asks.isEmpty()) {
            findings.add(finding(text, ASK_NOT_QUESTION, Severity.WARNING,
                    "Ask, as a question, for a short conversation (20–30 minutes).", 0, text.length()));
        } else {
            Span ask = asks.getFirst();
            findings.add(finding(text, ASK_NOT_QUESTION, Severity.WARNING,
                    "Phrase the ask as a question, e.g. \"Would you have 20 minutes …?\"", ask.start(), ask.end()));
        }
    }

    private static void aboutContact(String text, List<Span> sentences, DraftContext context,
            List<LintFinding> findings) {
        int total = 0;
        int aboutThem = 0;
        List<String> personal = context.personalTerms();
        for (Span sentence : sentences) {
            int words = count(WORD.matcher(sentence.text()));
            String lower = sentence.text().toLowerCase(Locale.ROOT);
            int them = count(SECOND_PERSON.matcher(sentence.text()))
                    + (int) personal.stream().filter(term -> containsWord(lower, term)).count();
            int me = count(FIRST_PERSON.matcher(sentence.text()));
            total += words;
            if (them > 0 && them >= me) {
                aboutThem += words;
            }
        }
        if (total > 0 && aboutThem * 2 <= total) {
            findings.add(finding(text, NOT_ABOUT_CONTACT, Severity.WARNING, "Only " + aboutThem + " of " + total
                    + " words are about them; make more than half of it about the contact.", 0, text.length()));
        }
    }

    private static void personalization(String text, DraftContext context, List<LintFinding> findings) {
        Matcher generic = GENERIC.matcher(text);
        if (generic.find()) {
            findings.add(finding(text, NO_PERSONALIZATION, Severity.WARNING,
                    "Generic wording: address the person by name and say why them.", generic.start(), generic.end()));
            return;
        }
        List<String> personal = context.personalTerms();
        String lower = text.toLowerCase(Locale.ROOT);
        if (!personal.isEmpty() && personal.stream().noneMatch(term -> containsWord(lower, term))) {
            findings.add(finding(text, NO_PERSONALIZATION, Severity.WARNING,
                    "Nothing personal: mention their name, work, a recent achievement or who referred you.", 0, text.length()));
        }
    }

    private static List<Span> sentences(String text) {
        int bodyStart = 0;
        Matcher salutation = SALUTATION.matcher(text);
        if (salutation.find()) {
            bodyStart = salutation.end();
        }
        List<Span> sentences = new ArrayList<>();
        Matcher matcher = SENTENCE.matcher(text);
        matcher.region(bodyStart, text.length());
        while (matcher.find()) {
            String sentence = matcher.group();
            if (!sentence.isBlank() && WORD.matcher(sentence).find()) {
                int lead = sentence.length() - sentence.stripLeading().length();
                sentences.add(new Span(matcher.start() + lead, matcher.end(), sentence.strip()));
            }
        }
        return sentences;
    }

    private static boolean mentions(String lowerSentence, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        for (String word : value.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 4 && !DraftContext.COMMON.contains(word) && containsWord(lowerSentence, word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsWord(String lowerText, String word) {
        return Pattern.compile("(?u)(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(lowerText).find();
    }

    private static int count(Matcher matcher) {
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static LintFinding finding(String text, String rule, Severity severity, String message, int start, int end) {
        int safeStart = Math.max(0, Math.min(start, text.length()));
        int safeEnd = Math.max(safeStart, Math.min(end, text.length()));
        String excerpt = text.substring(safeStart, safeEnd);
        return new LintFinding(rule, severity, message, safeStart, safeEnd,
                excerpt.length() > 120 ? excerpt.substring(0, 117) + "…" : excerpt);
    }
}
