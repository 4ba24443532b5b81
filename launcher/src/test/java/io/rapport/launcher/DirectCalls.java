package io.rapport.launcher;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What a process that reaches a service's port directly could forge: a compact JWS signed with a secret it guessed. */
final class DirectCalls {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    static String hs256(String header, String claims, String secret) throws Exception {
        String signingInput = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return signingInput + "." + URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
    }

    private DirectCalls() {
    }
}
