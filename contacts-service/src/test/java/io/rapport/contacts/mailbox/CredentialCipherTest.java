package io.rapport.contacts.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.platform.domain.Member;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another key of 32 bytes, exactly".getBytes());
    private static final Member ALICE = new Member("alice", "uni");

    @Test
    void aSealedPasswordOpensWithTheSameKeyForTheSameMemberAndShowsNothingOfThePassword() {
        CredentialCipher cipher = CredentialCipher.fromBase64(KEY);

        String sealed = cipher.seal(ALICE, "app password 123");

        assertThat(sealed).startsWith("v1:").doesNotContain("app password", "123");
        assertThat(new String(Base64.getDecoder().decode(sealed.substring(3)))).doesNotContain("password");
        assertThat(cipher.open(ALICE, sealed)).isEqualTo("app password 123");
        assertThat(cipher.seal(ALICE, "app password 123")).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void anotherKeyAnotherMemberOrATamperedValueDoesNotOpen() {
        CredentialCipher cipher = CredentialCipher.fromBase64(KEY);
        String sealed = cipher.seal(ALICE, "secret");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> CredentialCipher.fromBase64(OTHER_KEY).open(ALICE, sealed))
                .isInstanceOf(CredentialCipher.UnreadableCredentialsException.class)
                .hasMessageContaining("connect the mailbox again");
        assertThatThrownBy(() -> cipher.open(new Member("bob", "uni"), sealed))
                .isInstanceOf(CredentialCipher.UnreadableCredentialsException.class);
        assertThatThrownBy(() -> cipher.open(new Member("alice", "other-uni"), sealed))
                .isInstanceOf(CredentialCipher.UnreadableCredentialsException.class);
        assertThatThrownBy(() -> cipher.open(ALICE, tampered))
                .isInstanceOf(CredentialCipher.UnreadableCredentialsException.class);
        assertThatThrownBy(() -> cipher.open(ALICE, "secret"))
                .isInstanceOf(CredentialCipher.UnreadableCredentialsException.class);
    }

    @Test
    void aKeyOfTheWrongSizeOrNotBase64IsRefusedWithoutShowingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[10]);
        assertThatThrownBy(() -> CredentialCipher.fromBase64(shortKey))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16, 24 or 32 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> CredentialCipher.fromBase64("not base64 %%%"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64")
                .hasMessageNotContaining("%%%");
        assertThatThrownBy(() -> CredentialCipher.fromBase64(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
