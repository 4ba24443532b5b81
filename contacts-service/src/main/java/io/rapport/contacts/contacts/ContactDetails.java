package io.rapport.contacts.contacts;

import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.InvalidInputException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** What the member says about a contact. Only {@link #of} makes one, so every instance is valid. */
public record ContactDetails(String name, String email, String employer, String role, ContactSource source,
        String timeZone) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_TEXT = 200;

    /**
     * Validates and normalizes raw input (blank becomes absent, text is trimmed).
     *
     * @throws InvalidInputException naming every field at fault
     */
    public static ContactDetails of(String name, String email, String employer, String role, String source,
            String timeZone) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanName = clean(name);
        if (cleanName == null) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (cleanName.length() > MAX_TEXT) {
            problems.add(new FieldProblem("name", "must be at most " + MAX_TEXT + " characters"));
        }
        String cleanEmail = clean(email);
        if (cleanEmail != null && (cleanEmail.length() > 254 || !EMAIL.matcher(cleanEmail).matches())) {
            problems.add(new FieldProblem("email", "is not an e-mail address"));
        }
        String cleanEmployer = checkLength(clean(employer), "employer", problems);
        String cleanRole = checkLength(clean(role), "role", problems);
        ContactSource cleanSource = ContactSource.OTHER;
        if (clean(source) != null) {
            cleanSource = ContactSource.parse(source).orElse(null);
            if (cleanSource == null) {
                problems.add(new FieldProblem("source", "must be one of " + Arrays.toString(ContactSource.values())));
            }
        }
        String cleanZone = clean(timeZone);
        if (cleanZone != null && !isZone(cleanZone)) {
            problems.add(new FieldProblem("timeZone", "is not an IANA time zone such as Europe/Berlin"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ContactDetails(cleanName, cleanEmail, cleanEmployer, cleanRole, cleanSource, cleanZone);
    }

    /**
     * The keys under which two contacts of one member count as the same person: the same e-mail,
     * or the same name at the same employer.
     */
    public Set<String> identityKeys() {
        Set<String> keys = new LinkedHashSet<>();
        if (email != null) {
            keys.add("email:" + email.toLowerCase(Locale.ROOT));
        }
        keys.add("name-employer:" + fold(name) + "|" + (employer == null ? "" : fold(employer)));
        return keys;
    }

    /** The names of the fields that differ from {@code other}, in a stable order. */
    public List<String> changedFrom(ContactDetails other) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(name, other.name)) {
            changed.add("name");
        }
        if (!Objects.equals(email, other.email)) {
            changed.add("email");
        }
        if (!Objects.equals(employer, other.employer)) {
            changed.add("employer");
        }
        if (!Objects.equals(role, other.role)) {
            changed.add("role");
        }
        if (source != other.source) {
            changed.add("source");
        }
        if (!Objects.equals(timeZone, other.timeZone)) {
            changed.add("timeZone");
        }
        return changed;
    }

    private static String fold(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static String checkLength(String value, String field, List<FieldProblem> problems) {
        if (value != null && value.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_TEXT + " characters"));
        }
        return value;
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean isZone(String zone) {
        try {
            return ZoneId.of(zone) != null && zone.contains("/");
        } catch (DateTimeException e) {
            return false;
        }
    }
}
