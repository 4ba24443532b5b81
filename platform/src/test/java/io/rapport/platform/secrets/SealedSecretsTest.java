package io.rapport.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.platform.domain.Member;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SealedSecretsTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another key of 32 bytes, exactly".getBytes());
    private static final Member ALICE = new Member("alice", "uni");

    @Test
    void aSealedSecretOpensWithTheSameKeyForTheSameMemberAndShowsNothingOfIt() {
        SealedSecrets secrets = SealedSecrets.withKey("rapport.mailbox.key", KEY);

        String sealed = secrets.seal(ALICE, "app password 123");

        // Checked on the decoded bytes: the base64 text is random and may spell "123" by chance (it did once, in CI).
        assertThat(sealed).startsWith("v1:").doesNotContain("app password");
        assertThat(new String(Base64.getDecoder().decode(sealed.substring(3)), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("app password", "password 123");
        assertThat(secrets.open(ALICE, sealed)).isEqualTo("app password 123");
        assertThat(secrets.seal(ALICE, "app password 123")).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void anotherKeyAnotherMemberOrATamperedValueDoesNotOpen() {
        SealedSecrets secrets = SealedSecrets.withKey("rapport.mailbox.key", KEY);
        String sealed = secrets.seal(ALICE, "secret");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> SealedSecrets.withKey("rapport.mailbox.key", OTHER_KEY).open(ALICE, sealed))
                .isInstanceOf(SealedSecrets.UnopenableSecretException.class).hasMessageContaining("connect again");
        assertThatThrownBy(() -> secrets.open(new Member("bob", "uni"), sealed))
                .isInstanceOf(SealedSecrets.UnopenableSecretException.class);
        assertThatThrownBy(() -> secrets.open(new Member("alice", "other-uni"), sealed))
                .isInstanceOf(SealedSecrets.UnopenableSecretException.class);
        assertThatThrownBy(() -> secrets.open(ALICE, tampered)).isInstanceOf(SealedSecrets.UnopenableSecretException.class);
        assertThatThrownBy(() -> secrets.open(ALICE, "secret")).isInstanceOf(SealedSecrets.UnopenableSecretException.class);
        assertThatThrownBy(() -> secrets.open(ALICE, "v1:AAAA")).isInstanceOf(SealedSecrets.UnopenableSecretException.class);
    }

    @Test
    void aKeyOfTheWrongSizeOrNotBase64IsRefusedNamingTheSettingNeverTheKey() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[10]);
        assertThatThrownBy(() -> SealedSecrets.withKey("rapport.calendar.key", shortKey))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rapport.calendar.key", "16, 24 or 32 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> SealedSecrets.withKey("rapport.mailbox.key", "not base64 %%%"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rapport.mailbox.key", "base64")
                .hasMessageNotContaining("%%%");
        assertThatThrownBy(() -> SealedSecrets.withKey("rapport.mailbox.key", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
