package io.rapport.contacts.employers;

import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An organization the member wants to learn about, scored LAMP-style: Motivation 0–3 (0: does not
 * know enough yet), Posting 1 none, 2 some, 3 relevant to the target role. Advocacy is derived from
 * the member's contacts there, unless the member overrode it ({@code advocacyOverride} non-null).
 */
public record TargetEmployer(String id, Member owner, String name, String industry, String website, String notes,
        int motivation, int posting, Boolean advocacyOverride, Instant createdAt, Instant updatedAt, long version) {

    /** The member's input, validated; absent scores default to Motivation 0 and Posting 1. */
    public record Input(String name, String industry, String website, String notes, Integer motivation,
            Integer posting, Boolean advocacyOverride) {

        public Input validated() {
            List<FieldProblem> problems = new ArrayList<>();
            String cleanName = clean(name);
            if (cleanName == null) {
                problems.add(new FieldProblem("name", "is required"));
            } else if (cleanName.length() > 200) {
                problems.add(new FieldProblem("name", "must be at most 200 characters"));
            }
            if (clean(industry) != null && industry.length() > 200) {
                problems.add(new FieldProblem("industry", "must be at most 200 characters"));
            }
            String cleanWebsite = clean(website);
            if (cleanWebsite != null && !isWebAddress(cleanWebsite)) {
                problems.add(new FieldProblem("website", "is not an http(s) address"));
            }
            if (clean(notes) != null && notes.length() > 5000) {
                problems.add(new FieldProblem("notes", "must be at most 5000 characters"));
            }
            if (motivation != null && (motivation < 0 || motivation > 3)) {
                problems.add(new FieldProblem("motivation", "must be 0 (don't know enough yet) to 3"));
            }
            if (posting != null && (posting < 1 || posting > 3)) {
                problems.add(new FieldProblem("posting", "must be 1 (none), 2 (some) or 3 (relevant to the target role)"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new Input(cleanName, clean(industry), cleanWebsite, clean(notes), motivation == null ? 0 : motivation,
                    posting == null ? 1 : posting, advocacyOverride);
        }
    }

    public static TargetEmployer create(String id, Member owner, Input input, Instant now) {
        Input valid = input.validated();
        return new TargetEmployer(id, owner, valid.name(), valid.industry(), valid.website(), valid.notes(),
                valid.motivation(), valid.posting(), valid.advocacyOverride(), now, now, 1);
    }

    public TargetEmployer update(Input input, Instant now) {
        Input valid = input.validated();
        return new TargetEmployer(id, owner, valid.name(), valid.industry(), valid.website(), valid.notes(),
                valid.motivation(), valid.posting(), valid.advocacyOverride(), createdAt, now, version + 1);
    }

    /** The key under which a member has one employer of a name, whatever its case and spacing. */
    public String nameKey() {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static boolean isWebAddress(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
