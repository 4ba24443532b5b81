package io.rapport.insights.overasked;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The same person across members, without keeping who they are: an HMAC-SHA256 of the normalized e-mail under a
 * key of the tenant's own. Without the key, the fingerprint cannot be matched against a list of e-mail addresses,
 * and two tenants' fingerprints of one person differ.
 */
public final class ContactFingerprint {

    private ContactFingerprint() {
    }

    /** Null when there is no e-mail to match on. */
    public static String of(byte[] tenantKey, String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tenantKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("email:" + email.trim().toLowerCase(Locale.ROOT))
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
