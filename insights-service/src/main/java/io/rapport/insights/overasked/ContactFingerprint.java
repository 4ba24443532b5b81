package io.rapport.insights.overasked;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The same person across members, without keeping who they are: an HMAC-SHA256 of the normalized e-mail, and one of
 * the normalized LinkedIn profile URL, under a key of the tenant's own. Without the key, a fingerprint cannot be
 * matched against a list of e-mail addresses or profiles, and two tenants' fingerprints of one person differ. A person
 * is matched on either: a member who knows only the e-mail and one who knows only the profile meet through any member
 * who knows both ({@link OverAskedContacts}).
 */
public final class ContactFingerprint {

    private ContactFingerprint() {
    }

    /** The e-mail's fingerprint; null when there is no e-mail to match on. */
    public static String of(byte[] tenantKey, String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return hmac(tenantKey, "email:" + email.trim().toLowerCase(Locale.ROOT));
    }

    /** The LinkedIn profile's fingerprint; null when the URL is absent or not a profile's. */
    public static String ofLinkedIn(byte[] tenantKey, String linkedInUrl) {
        String profile = linkedInProfile(linkedInUrl);
        return profile == null ? null : hmac(tenantKey, "linkedin:" + profile);
    }

    /** Every fingerprint the person can be matched on: the e-mail's, the profile's, or both (maybe none). */
    public static List<String> all(byte[] tenantKey, String email, String linkedInUrl) {
        List<String> fingerprints = new ArrayList<>(2);
        for (String fingerprint : Arrays.asList(of(tenantKey, email), ofLinkedIn(tenantKey, linkedInUrl))) {
            if (fingerprint != null) {
                fingerprints.add(fingerprint);
            }
        }
        return fingerprints;
    }

    /**
     * The profile a LinkedIn URL points at, whatever its scheme, host prefix ({@code www.}, a country's), case,
     * query, fragment or trailing slash: {@code https://www.linkedin.com/in/Ada-L/?x=1} is {@code linkedin.com/in/ada-l}.
     * Null when it is not a profile's ({@code /in/name} or {@code /pub/name/…}) URL.
     */
    static String linkedInProfile(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String text = url.strip();
        try {
            URI uri = new URI(text.contains("://") ? text : "https://" + text);
            String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
            if (host == null || uri.getPath() == null || !(host.equals("linkedin.com") || host.endsWith(".linkedin.com"))) {
                return null;
            }
            List<String> segments = Arrays.stream(uri.getPath().toLowerCase(Locale.ROOT).split("/"))
                    .filter(segment -> !segment.isEmpty()).toList();
            if (segments.size() < 2 || !(segments.get(0).equals("in") || segments.get(0).equals("pub"))) {
                return null;
            }
            // /in/name is the profile (a sub-page such as /in/name/details/ is still it); an old /pub/ URL needs all of
            // its path (/pub/name/1/2/3).
            return "linkedin.com/" + String.join("/", segments.get(0).equals("in") ? segments.subList(0, 2) : segments);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String hmac(byte[] tenantKey, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tenantKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
