package io.rapport.contacts.employers;

import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Fields;
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

    public static final int MAX_NAME = 200;
    public static final int MAX_WEBSITE = 2000;
    public static final int MAX_NOTES = 5000;

    /** The member's input, validated; absent scores default to Motivation 0 and Posting 1. */
    public record Input(String name, String industry, String website, String notes, Integer motivation,
            Integer posting, Boolean advocacyOverride) {

        public Input validated() {
            List<FieldProblem> problems = new ArrayList<>();
            String cleanName = Fields.requiredText(name, "name", MAX_NAME, problems);
            String cleanIndustry = Fields.text(industry, "industry", MAX_NAME, problems);
            String cleanWebsite = Fields.text(website, "website", MAX_WEBSITE, problems);
            if (cleanWebsite != null && !isWebAddress(cleanWebsite)) {
                problems.add(new FieldProblem("website", "is not an http(s) address"));
            }
            String cleanNotes = Fields.text(notes, "notes", MAX_NOTES, problems);
            // 0: the member does not know enough yet; posting 1 none, 2 some, 3 relevant to the target role
            Fields.between(motivation, 0, 3, "motivation", problems);
            Fields.between(posting, 1, 3, "posting", problems);
            Fields.check(problems);
            return new Input(cleanName, cleanIndustry, cleanWebsite, cleanNotes, motivation == null ? 0 : motivation,
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
}
