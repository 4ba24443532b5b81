package io.rapport.contacts.contacts;

import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** What the member says about a contact. Only {@link #of} makes one, so every instance is valid. */
public record ContactDetails(String name, String email, String phone, String linkedInUrl, String employer,
        String employerId, String role, String industry, String location, String timeZone, CareerStage careerStage,
        ContactSource source, String referredByContactId, boolean mayUseReferrerName, String hook, List<String> tags,
        String notes) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-/]{5,30}");
    /** Bounds of the free text, also shown in the API document. */
    public static final int MAX_TEXT = 200;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_PHONE = 30;
    public static final int MAX_URL = 2000;
    public static final int MAX_ID = 64;
    public static final int MAX_ZONE = 64;
    public static final int MAX_HOOK = 1000;
    public static final int MAX_NOTES = 5000;
    public static final int MAX_TAG = 50;
    public static final int MAX_TAGS = 30;

    public ContactDetails {
        tags = List.copyOf(tags);
    }

    /**
     * The contact's industry: its own, or else its linked target employer's ({@code industryOfEmployer} is asked
     * only then, so a caller may look the employer up lazily).
     */
    public String industryOr(java.util.function.Function<String, String> industryOfEmployer) {
        return industry != null || employerId == null ? industry : industryOfEmployer.apply(employerId);
    }

    /**
     * Validates and normalizes raw input (blank becomes absent, text is trimmed, tags lower-cased
     * and de-duplicated).
     *
     * @throws InvalidInputException naming every field at fault
     */
    public static ContactDetails of(ContactInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanName = Fields.requiredText(in.name(), "name", MAX_TEXT, problems);
        String cleanEmail = clean(in.email());
        if (cleanEmail != null && (cleanEmail.length() > MAX_EMAIL || !EMAIL.matcher(cleanEmail).matches())) {
            problems.add(new FieldProblem("email", "is not an e-mail address"));
        }
        String cleanPhone = clean(in.phone());
        if (cleanPhone != null && !PHONE.matcher(cleanPhone).matches()) {
            problems.add(new FieldProblem("phone", "is not a phone number"));
        }
        String cleanUrl = Fields.text(in.linkedInUrl(), "linkedInUrl", MAX_URL, problems);
        if (cleanUrl != null && linkedInKey(cleanUrl) == null) {
            problems.add(new FieldProblem("linkedInUrl", "is not a LinkedIn profile URL such as https://www.linkedin.com/in/name"));
        }
        String cleanEmployer = Fields.text(in.employer(), "employer", MAX_TEXT, problems);
        String cleanEmployerId = Fields.text(in.employerId(), "employerId", MAX_ID, problems);
        String cleanRole = Fields.text(in.role(), "role", MAX_TEXT, problems);
        String cleanIndustry = Fields.text(in.industry(), "industry", MAX_TEXT, problems);
        String cleanLocation = Fields.text(in.location(), "location", MAX_TEXT, problems);
        String cleanZone = Fields.text(in.timeZone(), "timeZone", MAX_ZONE, problems);
        if (cleanZone != null && !isZone(cleanZone)) {
            problems.add(new FieldProblem("timeZone", "is not an IANA time zone such as Europe/Berlin"));
        }
        CareerStage cleanCareer = Fields.oneOf(CareerStage.class, in.careerStage(), "careerStage", problems);
        ContactSource cleanSource = Fields.clean(in.source()) == null ? ContactSource.OTHER
                : Fields.oneOf(ContactSource.class, in.source(), "source", problems);
        String cleanReferredBy = Fields.text(in.referredByContactId(), "referredByContactId", MAX_ID, problems);
        String cleanHook = Fields.text(in.hook(), "hook", MAX_HOOK, problems);
        String cleanNotes = Fields.text(in.notes(), "notes", MAX_NOTES, problems);
        Set<String> cleanTags = new LinkedHashSet<>();
        if (in.tags() != null) {
            for (String tag : in.tags()) {
                String cleanTag = clean(tag);
                if (cleanTag == null || cleanTag.length() > MAX_TAG) {
                    problems.add(new FieldProblem("tags", "each tag must be 1-" + MAX_TAG + " characters"));
                    break;
                }
                cleanTags.add(cleanTag.toLowerCase(Locale.ROOT));
            }
            if (cleanTags.size() > MAX_TAGS) {
                problems.add(new FieldProblem("tags", "must have at most " + MAX_TAGS + " items"));
            }
        }
        Fields.check(problems);
        return new ContactDetails(cleanName, cleanEmail, cleanPhone, cleanUrl, cleanEmployer, cleanEmployerId,
                cleanRole, cleanIndustry, cleanLocation, cleanZone, cleanCareer, cleanSource, cleanReferredBy,
                Boolean.TRUE.equals(in.mayUseReferrerName()), cleanHook, List.copyOf(cleanTags), cleanNotes);
    }

    /**
     * The keys under which two contacts of one member count as the same person: the same e-mail,
     * the same LinkedIn profile, or the same name at the same employer.
     */
    public Set<String> identityKeys() {
        Set<String> keys = new LinkedHashSet<>();
        if (email != null) {
            keys.add("email:" + email.toLowerCase(Locale.ROOT));
        }
        if (linkedInUrl != null) {
            keys.add("linkedin:" + linkedInKey(linkedInUrl));
        }
        keys.add("name-employer:" + fold(name) + "|" + (employer == null ? "" : fold(employer)));
        return keys;
    }

    public String firstName() {
        return name.split("\\s+")[0];
    }

    /** The same details with the employer's name filled in from the linked target employer. */
    public ContactDetails withEmployerName(String employerName) {
        return new ContactDetails(name, email, phone, linkedInUrl, employerName, employerId, role, industry, location,
                timeZone, careerStage, source, referredByContactId, mayUseReferrerName, hook, tags, notes);
    }

    /** The names of the fields that differ from {@code other}, in a stable order. */
    public List<String> changedFrom(ContactDetails other) {
        Map<String, Boolean> same = new LinkedHashMap<>();
        same.put("name", Objects.equals(name, other.name));
        same.put("email", Objects.equals(email, other.email));
        same.put("phone", Objects.equals(phone, other.phone));
        same.put("linkedInUrl", Objects.equals(linkedInUrl, other.linkedInUrl));
        same.put("employer", Objects.equals(employer, other.employer));
        same.put("employerId", Objects.equals(employerId, other.employerId));
        same.put("role", Objects.equals(role, other.role));
        same.put("industry", Objects.equals(industry, other.industry));
        same.put("location", Objects.equals(location, other.location));
        same.put("source", source == other.source);
        same.put("timeZone", Objects.equals(timeZone, other.timeZone));
        same.put("careerStage", careerStage == other.careerStage);
        same.put("referredByContactId", Objects.equals(referredByContactId, other.referredByContactId));
        same.put("mayUseReferrerName", mayUseReferrerName == other.mayUseReferrerName);
        same.put("hook", Objects.equals(hook, other.hook));
        same.put("tags", Objects.equals(tags, other.tags));
        same.put("notes", Objects.equals(notes, other.notes));
        return same.entrySet().stream().filter(entry -> !entry.getValue()).map(Map.Entry::getKey).toList();
    }

    /** Folds case and spacing, so "Margaret  Hamilton" at "mit" is "margaret hamilton" at "MIT". */
    public static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** linkedin.com/in/name whatever the scheme, host prefix, case, query or trailing slash; null if not a profile. */
    static String linkedInKey(String url) {
        String withScheme = url.contains("://") ? url : "https://" + url;
        try {
            URI uri = new URI(withScheme);
            String host = uri.getHost();
            String path = uri.getPath();
            if (host == null || path == null || !(host.equalsIgnoreCase("linkedin.com")
                    || host.toLowerCase(Locale.ROOT).endsWith(".linkedin.com"))) {
                return null;
            }
            String cleanPath = path.replaceAll("/+$", "").toLowerCase(Locale.ROOT);
            return cleanPath.matches("/(in|pub)/[^/]+.*") ? "linkedin.com" + cleanPath : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String clean(String value) {
        return Fields.clean(value);
    }

    private static boolean isZone(String zone) {
        try {
            return ZoneId.of(zone) != null && zone.contains("/");
        } catch (DateTimeException e) {
            return false;
        }
    }
}
