package io.rapport.auth;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param issuer        the issuer named in every token and in the discovery document; the gateway and the web app
 *                      must reach this provider at exactly this address (unset: the address the request came to)
 * @param audience      the audience the gateway requires in access tokens ({@code rapport.gateway.jwt.audience})
 * @param webApp        where the web app runs: its sign-in callback and the page shown after signing out
 * @param accessTokenTtl how long an access token lasts (the web app refreshes it with its refresh token)
 * @param users         the people who can sign in (the demo users on the embedded default)
 */
@ConfigurationProperties("rapport.auth")
public record SignInProperties(
        String issuer,
        @DefaultValue("rapport") String audience,
        @DefaultValue("http://127.0.0.1:8088") String webApp,
        @DefaultValue("30m") Duration accessTokenTtl,
        List<Account> users) {

    public SignInProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * One person who can sign in: their member id (the token's {@code sub}), the career-services organization they
     * belong to ({@code tenant}) and their roles (member, advisor, admin).
     */
    public record Account(String username, String password, String name, String tenant, List<String> roles) {

        public Account {
            roles = roles == null ? List.of("member") : List.copyOf(roles);
        }
    }
}
