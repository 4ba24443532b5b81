package io.rapport.gateway.identity;

import io.rapport.gateway.security.TokenClaims;
import java.util.List;
import java.util.Locale;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who the services are told is calling: the validated token's member, tenant and roles (comma-separated, lower case). */
record ForwardedIdentity(String member, String tenant, String roles) {

    static final String ATTRIBUTE = ForwardedIdentity.class.getName();

    static ForwardedIdentity of(JwtAuthenticationToken token) {
        Object tenant = token.getTokenAttributes().get(TokenClaims.TENANT);
        Object roles = token.getTokenAttributes().get(TokenClaims.ROLES);
        String joined = roles instanceof List<?> list
                ? String.join(",", list.stream().map(role -> String.valueOf(role).toLowerCase(Locale.ROOT)).toList())
                : "";
        return new ForwardedIdentity(token.getToken().getSubject(), tenant == null ? null : tenant.toString(), joined);
    }
}
