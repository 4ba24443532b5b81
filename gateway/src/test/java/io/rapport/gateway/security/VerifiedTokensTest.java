package io.rapport.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    private final Instant issued = Instant.parse("2026-11-29T10:00:00Z");
    private final MovableClock clock = new MovableClock(issued);
    private final AtomicInteger verifications = new AtomicInteger();

    /** Stands in for the signature and claim checks: "good-*" tokens pass (valid for one hour), others fail. */
    private final ReactiveAuthenticationManager verifier = authentication -> {
        verifications.incrementAndGet();
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (!token.startsWith("good-")) {
            return Mono.error(new BadCredentialsException("bad signature"));
        }
        Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("alice").claim("tenant", "uni-a")
                .issuedAt(issued).expiresAt(issued.plus(Duration.ofHours(1))).build();
        return Mono.just(new JwtAuthenticationToken(jwt, List.of(), "alice"));
    };

    private final VerifiedTokens tokens = new VerifiedTokens(verifier, 3, Duration.ofMinutes(5), clock);

    @Test
    void theSameTokenIsVerifiedOnceWhileItIsTrusted() {
        Authentication first = authenticate("good-1");
        Authentication second = authenticate("good-1");

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void anExpiredTokenIsNeverAnsweredFromMemory() {
        authenticate("good-1");
        clock.advance(Duration.ofHours(1).plusMinutes(2)); // past exp plus the 60 s clock skew allowed

        authenticate("good-1");

        assertThat(verifications).as("checked in full again, which is where expiry is refused").hasValue(2);
    }

    @Test
    void aRememberedTokenIsCheckedInFullAgainAfterTheMaximumAge() {
        authenticate("good-1");
        clock.advance(Duration.ofMinutes(6));

        authenticate("good-1");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void failuresAreNotRemembered() {
        for (int i = 0; i < 2; i++) {
            Mono<Authentication> refused = tokens.authenticate(new BearerTokenAuthenticationToken("forged"));
            assertThat(refused.onErrorResume(BadCredentialsException.class, e -> Mono.empty()).block()).isNull();
        }

        assertThat(verifications).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void memoryStaysBounded() {
        for (int i = 0; i < 10; i++) {
            authenticate("good-" + i);
        }

        assertThat(tokens.size()).isLessThanOrEqualTo(3);
    }

    private Authentication authenticate(String token) {
        return tokens.authenticate(new BearerTokenAuthenticationToken(token)).block();
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
