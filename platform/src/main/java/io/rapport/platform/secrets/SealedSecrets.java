package io.rapport.platform.secrets;

import io.rapport.platform.domain.Member;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A member's secret kept at rest (a mailbox password, a calendar token) sealed with AES-GCM under a key from the
 * service's configuration (16, 24 or 32 random bytes in base64), so a copy of the database alone opens nothing.
 * Each sealing has a fresh random 96-bit nonce, and the owner (tenant and member) is bound as associated data: a
 * sealed value copied onto another member's record does not open. The stored form is
 * {@code v1:<base64(nonce | ciphertext | tag)>}, so a later key or algorithm can come with v2.
 */
public final class SealedSecrets {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SealedSecrets(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
        Arrays.fill(key, (byte) 0);
    }

    /**
     * @param setting the configuration property the key comes from, named in the message when it is not usable
     *     (the key itself never is)
     */
    public static SealedSecrets withKey(String setting, String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(setting + " must be base64 (e.g. openssl rand -base64 32)");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalArgumentException(setting + " must be 16, 24 or 32 bytes in base64 (e.g. openssl rand -base64 32);"
                    + " it has " + bytes.length);
        }
        return new SealedSecrets(bytes);
    }

    public String seal(Member owner, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(owner));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** @throws UnopenableSecretException sealed under another key, for another member, or altered */
    public String open(Member owner, String sealed) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw new UnopenableSecretException();
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            if (in.length <= NONCE_BYTES) {
                throw new UnopenableSecretException();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(owner));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnopenableSecretException();
        }
    }

    private static byte[] associatedData(Member owner) {
        return (owner.tenantId() + "/" + owner.memberId()).getBytes(StandardCharsets.UTF_8);
    }

    /** The stored secret does not open with this service's key (the key changed): the member must connect again. */
    public static final class UnopenableSecretException extends RuntimeException {
        UnopenableSecretException() {
            super("The stored secret does not open with this service's key; connect again.");
        }
    }
}
