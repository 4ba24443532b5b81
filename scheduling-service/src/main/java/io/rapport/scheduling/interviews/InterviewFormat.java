package io.rapport.scheduling.interviews;

import io.rapport.events.Events;
import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.FieldProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the conversation happens: in person at an address, by phone on a number, or by video on a
 * platform with an https link. Only the detail the kind needs is kept.
 */
public record InterviewFormat(FormatKind kind, String address, String phone, VideoPlatform platform, String link) {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{4,30}");
    public static final int MAX_ADDRESS = 300;
    public static final int MAX_LINK = 2000;

    /** Validates raw input; problems are added with {@code field} as prefix, e.g. {@code format.link}. */
    public static InterviewFormat of(String kind, String address, String phone, String platform, String link,
            String field, List<FieldProblem> problems) {
        FormatKind parsedKind = Fields.requiredOneOf(FormatKind.class, kind, field + ".kind", problems);
        if (parsedKind == null) {
            return null;
        }
        return switch (parsedKind) {
            case IN_PERSON -> {
                String cleanAddress = Fields.clean(address);
                if (cleanAddress == null) {
                    problems.add(new FieldProblem(field + ".address", "is required for an interview in person"));
                } else {
                    cleanAddress = Fields.text(cleanAddress, field + ".address", MAX_ADDRESS, problems);
                }
                yield new InterviewFormat(parsedKind, cleanAddress, null, null, null);
            }
            case PHONE -> {
                String cleanPhone = Fields.clean(phone);
                if (cleanPhone == null) {
                    problems.add(new FieldProblem(field + ".phone", "is required for an interview by phone"));
                } else if (!PHONE.matcher(cleanPhone).matches()) {
                    problems.add(new FieldProblem(field + ".phone", "is not a phone number such as +49 30 1234567"));
                }
                yield new InterviewFormat(parsedKind, null, cleanPhone, null, null);
            }
            case VIDEO -> {
                VideoPlatform parsedPlatform = Fields.requiredOneOf(VideoPlatform.class, platform, field + ".platform",
                        problems);
                String cleanLink = Fields.clean(link);
                if (cleanLink == null) {
                    problems.add(new FieldProblem(field + ".link", "is required for a video interview"));
                } else if (!isHttpsLink(cleanLink)) {
                    problems.add(new FieldProblem(field + ".link", "must be an https:// link"));
                }
                yield new InterviewFormat(parsedKind, null, null, parsedPlatform, cleanLink);
            }
        };
    }

    /** Where to go or what to open, for a calendar entry. */
    public String whereabouts() {
        return switch (kind) {
            case IN_PERSON -> address;
            case PHONE -> "Phone " + phone;
            case VIDEO -> link;
        };
    }

    public Events.Format toEvent() {
        return new Events.Format(kind.name(), address, phone, platform == null ? null : platform.name(), link);
    }

    private static boolean isHttpsLink(String link) {
        if (link.length() > MAX_LINK) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
