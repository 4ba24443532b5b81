package io.rapport.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.platform.domain.Member;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityTokensTest {

    private static final String SECRET = "identity-tokens-test-secret-of-32-bytes";
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private final Member alice = new Member("alice", "uni-a");

    private static IdentityTokens at(Instant instant) {
        return new IdentityTokens(SECRET, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void aTokenSignedWithTheSecretNamesItsMemberUntilItExpires() {
        String token = at(NOW).sign(alice, List.of("member"), Duration.ofSeconds(60));

        assertThat(at(NOW).verify(token)).contains(alice);
        assertThat(at(NOW.plusSeconds(59)).verify(token)).contains(alice);
        assertThat(at(NOW.plusSeconds(66)).verify(token)).as("expired, past the clock skew").isEmpty();
    }

    @Test
    void anotherSecretOrATamperedTokenOrGarbageNamesNoOne() {
        String other = new IdentityTokens("another-secret-another-secret-another").sign(alice, List.of(), Duration.ofSeconds(30));
        String valid = at(NOW).sign(alice, List.of(), Duration.ofSeconds(30));
        String[] parts = valid.split("\\.");
        String forgedPayload = parts[0] + "." + at(NOW).sign(new Member("bob", "uni-a"), List.of(), Duration.ofSeconds(30)).split("\\.")[1]
                + "." + parts[2];

        for (String token : new String[] {other, forgedPayload, "", "not.a.token", "eyJhbGciOiJub25lIn0.e30.", null}) {
            assertThat(at(NOW).verify(token)).as(String.valueOf(token)).isEmpty();
        }
    }

    @Test
    void aTokenCannotBeMadeToLiveLongerThanAMinute() {
        assertThatThrownBy(() -> at(NOW).sign(alice, List.of(), Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingOrShortSecretStopsTheStartWithWhatToSet() {
        assertThatThrownBy(() -> new IdentityTokens(null)).hasMessageContaining("RAPPORT_IDENTITY_SECRET").hasMessageContaining("not set");
        assertThatThrownBy(() -> new IdentityTokens("short")).hasMessageContaining("at least 32 bytes");
    }
}
