package io.rapport.auth;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What the gateway requires of an access token ({@code TokenClaims} there): the audience {@code rapport}, the member
 * as {@code sub} (the username), the organization as {@code tenant} and the {@code roles}. The ID token carries the
 * tenant, roles and display name too, for the web app's own pages.
 */
final class RapportClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String TENANT = "tenant";
    static final String ROLES = "roles";

    private final Accounts accounts;
    private final String audience;

    RapportClaims(Accounts accounts, String audience) {
        this.accounts = accounts;
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        String username = context.getPrincipal().getName();
        accounts.find(username).ifPresent(account -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                List<String> audiences = new ArrayList<>();
                List<String> given = context.getClaims().build().getAudience();
                if (given != null) {
                    audiences.addAll(given);
                }
                if (!audiences.contains(audience)) {
                    audiences.add(audience);
                }
                context.getClaims().audience(audiences);
            }
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                    || OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                context.getClaims().claim(TENANT, account.tenant());
                context.getClaims().claim(ROLES, account.roles());
                if (account.name() != null) {
                    context.getClaims().claim("name", account.name());
                }
            }
        });
    }
}
