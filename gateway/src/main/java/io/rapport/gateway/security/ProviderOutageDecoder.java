package io.rapport.gateway.security;

import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Checks tokens with the decoder it wraps, and tells a provider it cannot reach apart from a bad token. A token is
 * checked against the provider's published keys; when they cannot be fetched (the provider down, refusing or not
 * answering) the decoder fails with something other than a {@link JwtException}, which used to reach the caller as
 * a 500. It becomes {@link IdentityProviderUnavailable} (a 503 with Retry-After, see {@link ProblemErrors}), and a
 * fetch that hangs is given up after {@link #LIMIT} instead of holding the request as long as the client waits.
 *
 * <p>The keys are fetched once and kept (again only for a key id they lack), so this is met at a cold start or a key
 * rotation while the provider is out; tokens verified before are still believed for a while ({@link VerifiedTokens}).
 */
final class ProviderOutageDecoder implements ReactiveJwtDecoder {

    /** Checking a token with known keys takes well under a millisecond; fetching them should not take seconds. */
    private static final Duration LIMIT = Duration.ofSeconds(5);

    private final ReactiveJwtDecoder decoder;

    ProviderOutageDecoder(ReactiveJwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return decoder.decode(token).timeout(LIMIT)
                .onErrorMap(failure -> !(failure instanceof JwtException), IdentityProviderUnavailable::new);
    }

    /** The provider's keys could not be had, so no token from it can be checked now. */
    static final class IdentityProviderUnavailable extends RuntimeException {

        IdentityProviderUnavailable(Throwable cause) {
            super("The identity provider's keys could not be fetched", cause);
        }
    }
}
