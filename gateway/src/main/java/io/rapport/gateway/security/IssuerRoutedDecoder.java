package io.rapport.gateway.security;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The embedded default accepts two issuers: its OpenID Connect provider (the auth-server module, found by issuer
 * discovery, as an organization's provider is in production) and the curl convenience {@code POST /auth/dev-token}.
 * The token's unverified {@code iss} only picks which decoder checks it; that decoder verifies the signature and
 * checks the issuer again, so naming the other issuer gains a forger nothing.
 */
final class IssuerRoutedDecoder implements ReactiveJwtDecoder {

    private final String devIssuer;
    private final ReactiveJwtDecoder devTokens;
    private final ReactiveJwtDecoder provider;

    IssuerRoutedDecoder(String devIssuer, ReactiveJwtDecoder devTokens, ReactiveJwtDecoder provider) {
        this.devIssuer = devIssuer;
        this.devTokens = devTokens;
        this.provider = provider;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        String issuer;
        try {
            issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            return Mono.error(new BadJwtException("Malformed token", e));
        }
        return devIssuer.equals(issuer) ? devTokens.decode(token) : provider.decode(token);
    }
}
