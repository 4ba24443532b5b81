package io.rapport.notes.synthesis;

import io.rapport.notes.notes.NoteRecord;
import io.rapport.notes.notes.Referral;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces people's names, wherever they appear, by "Interviewee A, B, …" (and employers by
 * "Employer 1, 2, …" unless the member chose to show them). Every part of a name is scrubbed too, since
 * notes say "Dana told me" as often as "Dana Reyes told me".
 */
public final class Anonymizer {

    private static final Set<String> TITLES = Set.of("dr", "mr", "mrs", "ms", "mx", "prof", "sir");

    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final List<Map.Entry<Pattern, String>> replacements = new ArrayList<>();
    private final Map<String, String> employerAliases = new LinkedHashMap<>();

    /**
     * @param shared the interviews that appear in the export, in order: they get the letters
     * @param all every record of the member, so names of interviews left out are scrubbed as well
     */
    public Anonymizer(List<NoteRecord> shared, List<NoteRecord> all, boolean hideEmployers) {
        for (NoteRecord record : shared) {
            aliases.put(record.interviewId(), "Interviewee " + letters(aliases.size()));
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (NoteRecord record : all) {
            String alias = aliases.getOrDefault(record.interviewId(), "another interviewee");
            if (record.contactName() != null) {
                names.putIfAbsent(record.contactName(), alias);
            }
            for (Referral referral : record.referrals()) {
                names.putIfAbsent(referral.name(), "a referred contact");
            }
            if (hideEmployers && record.employer() != null) {
                employerAliases.computeIfAbsent(record.employer().toLowerCase(Locale.ROOT),
                        employer -> "Employer " + (employerAliases.size() + 1));
            }
        }
        Map<String, String> parts = new LinkedHashMap<>();
        names.forEach((name, alias) -> {
            for (String part : name.split("[\\s,]+")) {
                String bare = part.replaceAll("^[\\p{Punct}]+|[\\p{Punct}]+$", "");
                if (bare.length() >= 2 && !TITLES.contains(bare.toLowerCase(Locale.ROOT))) {
                    parts.putIfAbsent(bare, alias);
                }
            }
        });
        addLongestFirst(names);
        addLongestFirst(parts);
        Map<String, String> employers = new LinkedHashMap<>();
        employerAliases.forEach(employers::put);
        addLongestFirst(employers);
    }

    public String alias(String interviewId) {
        return aliases.getOrDefault(interviewId, "another interviewee");
    }

    /** The employer as shown: itself, or its alias when the member hides employers. */
    public String employer(String employer) {
        if (employer == null) {
            return null;
        }
        return employerAliases.getOrDefault(employer.toLowerCase(Locale.ROOT), employer);
    }

    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (Map.Entry<Pattern, String> replacement : replacements) {
            scrubbed = replacement.getKey().matcher(scrubbed).replaceAll(Matcher.quoteReplacement(replacement.getValue()));
        }
        return scrubbed;
    }

    private void addLongestFirst(Map<String, String> texts) {
        texts.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> text) -> text.getKey().length()).reversed())
                .forEach(text -> replacements.add(Map.entry(
                        Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(text.getKey()) + "(?![\\p{L}\\p{N}])",
                                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                        text.getValue())));
    }

    static String letters(int index) {
        StringBuilder letters = new StringBuilder();
        int n = index;
        do {
            letters.insert(0, (char) ('A' + n % 26));
            n = n / 26 - 1;
        } while (n >= 0);
        return letters.toString();
    }
}
