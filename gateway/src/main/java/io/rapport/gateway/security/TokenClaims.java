package io.rapport.gateway.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * What a Rapport access token says: the member ({@code sub}), the career-services organization
 * ({@code tenant}) and the roles ({@code roles}: member, advisor, admin).
 */
public final class TokenClaims {

    public static final String TENANT = "tenant";
    public static final String ROLES = "roles";
    public static final List<String> KNOWN_ROLES = List.of("member", "advisor", "admin");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._@:-]{1,128}");

    private TokenClaims() {
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Signature and expiry are checked by the decoder; these check the issuer, the audience and our claims. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        List<OAuth2TokenValidator<Jwt>> validators = new java.util.ArrayList<>();
        validators.add(new JwtTimestampValidator());
        if (issuer != null) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        validators.add(new JwtClaimValidator<Collection<String>>("aud", aud -> aud != null && aud.contains(audience)));
        validators.add(new JwtClaimValidator<String>("sub", TokenClaims::isValidId));
        validators.add(new JwtClaimValidator<String>(TENANT, TokenClaims::isValidId));
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    /** Roles become authorities ROLE_MEMBER, ROLE_ADVISOR, ROLE_ADMIN. */
    public static Converter<Jwt, Mono<AbstractAuthenticationToken>> authentication() {
        return jwt -> {
            List<String> roles = jwt.getClaimAsStringList(ROLES);
            List<SimpleGrantedAuthority> authorities = roles == null ? List.of() : roles.stream()
                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT))).toList();
            return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
        };
    }
}
