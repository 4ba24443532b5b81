package io.rapport.contacts.mailbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import io.rapport.platform.domain.Member;

/**
 * Seals mailbox passwords at rest with AES-GCM under the key from configuration ({@code rapport.mailbox.key}, 16,
 * 24 or 32 random bytes in base64). Each sealing has a fresh random 96-bit nonce, and the owner (tenant and member)
 * is bound as associated data: a sealed password copied onto another member's record does not open. The stored form
 * is {@code v1:<base64(nonce | ciphertext | tag)>}, so a later key or algorithm can come with v2.
 */
public final class CredentialCipher {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @throws IllegalArgumentException naming the setting (never its value) when the key is not usable */
    public static CredentialCipher fromBase64(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("rapport.mailbox.key must be base64 (e.g. openssl rand -base64 32)");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalArgumentException("rapport.mailbox.key must be 16, 24 or 32 bytes in base64 (e.g. openssl rand -base64 32); it has "
                    + bytes.length);
        }
        return new CredentialCipher(bytes);
    }

    private CredentialCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
        Arrays.fill(key, (byte) 0);
    }

    public String seal(Member owner, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
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
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws UnreadableCredentialsException when the sealed value was made with another key, for another member,
     *         or was altered
     */
    public String open(Member owner, String sealed) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw new UnreadableCredentialsException();
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            if (in.length <= NONCE_BYTES) {
                throw new UnreadableCredentialsException();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(owner));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnreadableCredentialsException();
        }
    }

    private static byte[] associatedData(Member owner) {
        return (owner.tenantId() + "/" + owner.memberId()).getBytes(StandardCharsets.UTF_8);
    }

    /** The stored password cannot be opened with this server's key: the member must connect the mailbox again. */
    public static final class UnreadableCredentialsException extends RuntimeException {
        UnreadableCredentialsException() {
            super("The stored mailbox password cannot be read with this server's key; connect the mailbox again.");
        }
    }
}
