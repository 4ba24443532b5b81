package io.rapport.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class IdentityTokenSignerTest {

    private static final String SECRET = "identity-token-signer-test-secret-32-bytes";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
    private final IdentityTokenSigner signer = new IdentityTokenSigner(SECRET, clock);
    private final ForwardedIdentity alice = new ForwardedIdentity("alice", "uni-a", "member,advisor");

    @Test
    void theTokenIsSignedWithTheSharedSecretForTheServicesAndLivesAMinute() throws Exception {
        SignedJWT jwt = SignedJWT.parse(signer.tokenFor(alice));

        assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringClaim("tenant")).isEqualTo("uni-a");
        assertThat(claims.getStringListClaim("roles")).containsExactly("member", "advisor");
        assertThat(claims.getAudience()).containsExactly("rapport-services");
        assertThat(claims.getIssuer()).isEqualTo("rapport-gateway");
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(clock.instant().plusSeconds(60));
    }

    @Test
    void aMembersTokenIsReusedForAFewSecondsThenSignedAfresh() {
        String first = signer.tokenFor(alice);
        clock.advance(Duration.ofSeconds(9));
        String reused = signer.tokenFor(alice);
        String bobs = signer.tokenFor(new ForwardedIdentity("bob", "uni-a", "member"));
        String otherTenant = signer.tokenFor(new ForwardedIdentity("alice", "uni-b", "member,advisor"));
        clock.advance(Duration.ofSeconds(2));
        String fresh = signer.tokenFor(alice);

        assertThat(reused).isSameAs(first);
        assertThat(bobs).isNotEqualTo(first);
        assertThat(otherTenant).isNotEqualTo(first);
        assertThat(fresh).isNotEqualTo(first);
    }

    @Test
    void theRememberedTokensAreBounded() {
        for (int i = 0; i < IdentityTokenSigner.CAPACITY + 5; i++) {
            signer.tokenFor(new ForwardedIdentity("member-" + i, "uni-a", "member"));
        }

        assertThat(signer.size()).isLessThanOrEqualTo(IdentityTokenSigner.CAPACITY);
    }

    @Test
    void noGatewayStartsWithoutASecretTheServicesCanShare() {
        assertThatThrownBy(() -> new IdentityTokenSigner("", Clock.systemUTC())).hasMessageContaining("RAPPORT_IDENTITY_SECRET");
        assertThatThrownBy(() -> new IdentityTokenSigner("too-short", Clock.systemUTC())).hasMessageContaining("at least 32 bytes");
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
