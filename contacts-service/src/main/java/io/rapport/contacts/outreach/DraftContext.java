package io.rapport.contacts.outreach;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the linter knows about the recipient, to judge the connection and the personalization:
 * their first name, employer, role, the hook, and the referrer's name. All may be absent (a draft
 * linted without a contact).
 */
public record DraftContext(String firstName, String employer, String role, String hook, String referrerName) {

    public static final DraftContext NONE = new DraftContext(null, null, null, null, null);

    /** Common words that say nothing about the person, even when their hook or employer contains them. */
    static final Set<String> COMMON = Set.of("your", "yours", "with", "from", "that", "this", "about", "have", "their",
            "there", "what", "when", "where", "which", "would", "could", "into", "been", "were", "they", "them", "also",
            "just", "like", "more", "most", "over", "very", "recent", "recently", "company", "group", "team", "the");

    /** Words of 4+ letters from the contact's details: mentioning any of them personalizes the draft. */
    List<String> personalTerms() {
        return Stream.of(firstName, employer, role, hook, referrerName)
                .filter(value -> value != null && !value.isBlank())
                .flatMap(value -> Stream.of(value.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")))
                .filter(word -> !COMMON.contains(word))
                .filter(word -> word.length() >= 4 || word.equals(firstName == null ? null : firstName.toLowerCase(Locale.ROOT)))
                .distinct().toList();
    }
}
