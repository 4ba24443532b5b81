package io.rapport.scheduling.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.platform.domain.Member;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private final Member ada = new Member("ada", "uni-1");

    @Test
    void aSealedSecretOpensWithTheSameKeyForTheSameMemberOnly() {
        SecretBox box = SecretBox.withKey(KEY);
        String sealed = box.seal(ada, "s3cret-pw");

        assertThat(sealed).startsWith("v1:").doesNotContain("s3cret-pw");
        assertThat(box.open(ada, sealed)).isEqualTo("s3cret-pw");
        assertThat(box.seal(ada, "s3cret-pw")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> box.open(new Member("grace", "uni-1"), sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SecretBox.withKey(OTHER_KEY).open(ada, sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTamperedSecretDoesNotOpen() {
        SecretBox box = SecretBox.withKey(KEY);
        String sealed = box.seal(ada, "s3cret-pw");
        char last = sealed.charAt(sealed.length() - 3);
        String tampered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);
        assertThatThrownBy(() -> box.open(ada, tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyOfTheWrongLengthOrNotBase64IsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> SecretBox.withKey(Base64.getEncoder().encodeToString(new byte[20])))
                .hasMessageContaining("16, 24 or 32 bytes");
        assertThatThrownBy(() -> SecretBox.withKey("not base64 at all!")).hasMessage("rapport.calendar.key is not base64");
    }
}
