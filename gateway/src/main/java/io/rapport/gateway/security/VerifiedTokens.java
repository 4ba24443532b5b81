package io.rapport.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * A member's client sends the same token with every call for as long as it lasts: its signature is verified and
 * its claims parsed and validated (issuer, audience, member, tenant) the first time, and later calls with the very
 * same token are answered from here, still checked for expiry each time. Measured, the RSA check and claim parsing
 * were the largest piece of the gateway's own CPU per request after the per-request session was gone.
 *
 * <p>Bounded ({@code capacity} tokens; expired ones dropped first, everything when still full) and each entry is
 * trusted for at most {@code maxAge}, so a key the provider withdraws stops being honoured within that time.
 * Failures are never remembered: a bad token costs a full check every time.
 */
final class VerifiedTokens implements ReactiveAuthenticationManager {

    private final ReactiveAuthenticationManager verifier;
    private final OAuth2TokenValidator<Jwt> notExpired;
    private final Clock clock;
    private final int capacity;
    private final long maxAgeMillis;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokens(ReactiveAuthenticationManager verifier, int capacity, Duration maxAge, Clock clock) {
        this.verifier = verifier;
        this.capacity = capacity;
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        this.notExpired = timestamps;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            return verifier.authenticate(authentication);
        }
        String token = bearer.getToken();
        Verified known = verified.get(token);
        if (known != null) {
            if (clock.millis() - known.verifiedAt() < maxAgeMillis && !notExpired.validate(known.authentication().getToken()).hasErrors()) {
                return Mono.just(known.authentication());
            }
            verified.remove(token);
        }
        return verifier.authenticate(authentication).doOnNext(result -> {
            if (result instanceof JwtAuthenticationToken jwt) {
                remember(token, jwt);
            }
        });
    }

    int size() {
        return verified.size();
    }

    private void remember(String token, JwtAuthenticationToken authentication) {
        if (verified.size() >= capacity) {
            long now = clock.millis();
            verified.values().removeIf(entry -> now - entry.verifiedAt() >= maxAgeMillis
                    || notExpired.validate(entry.authentication().getToken()).hasErrors());
            if (verified.size() >= capacity) {
                verified.clear();
            }
        }
        verified.put(token, new Verified(authentication, clock.millis()));
    }

    private record Verified(JwtAuthenticationToken authentication, long verifiedAt) {
    }
}
