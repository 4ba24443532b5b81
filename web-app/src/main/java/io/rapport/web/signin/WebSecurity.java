package io.rapport.web.signin;

import io.rapport.web.WebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every page needs a signed-in person: the authorization code with PKCE at the provider, then a session here (its
 * cookie named apart from the provider's, which lives on the same host). Signing out ends the provider's session too.
 * Each role has its pages ({@link Roles}): members theirs, advisors {@code /advisor}, admins {@code /admin}; any other
 * is the {@link NotForYouPage}.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    static final String SIGN_IN = "/oauth2/authorization/" + DiscoveredProvider.REGISTRATION_ID;

    @Bean
    ClientRegistrationRepository provider(WebProperties properties) {
        return new DiscoveredProvider(properties);
    }

    @Bean
    SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository provider) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver requests =
                new DefaultOAuth2AuthorizationRequestResolver(provider, "/oauth2/authorization");
        // A public client gets PKCE anyway; a confidential one (a secret configured) gets it too.
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(provider);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/");
        return http
                .authorizeHttpRequests(pages -> pages
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/app.css", "/app.js",
                                "/webjars/**", "/favicon.ico", "/error", "/account/deleted").permitAll()
                        // each role its own pages; Today ("/") sends an advisor or admin to theirs
                        .requestMatchers("/", NotForYouPage.PATH).authenticated()
                        .requestMatchers("/advisor", "/advisor/**").hasRole(Roles.ADVISOR)
                        .requestMatchers("/admin", "/admin/**").hasRole(Roles.ADMIN)
                        .anyRequest().hasRole(Roles.MEMBER))
                .exceptionHandling(denied -> denied.accessDeniedPage(NotForYouPage.PATH))
                .oauth2Login(login -> login
                        .loginPage(SIGN_IN)
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(new Roles()))
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests)))
                .logout(logout -> logout.logoutSuccessHandler(signedOut))
                .build();
    }
}
