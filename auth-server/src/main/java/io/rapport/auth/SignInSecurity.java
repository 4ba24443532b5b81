package io.rapport.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Two filter chains: the provider's own endpoints (authorize, token, JWK set, discovery, userinfo, logout), which send
 * a browser that is not signed in to the sign-in page; and the sign-in page itself with the health probe.
 */
@Configuration(proxyBeanMethods = false)
class SignInSecurity {

    /** The web app's client id; its sign-in callback is {@code <web app>/login/oauth2/code/rapport}. */
    static final String WEB_CLIENT_ID = "rapport-web";

    @Bean
    @Order(1)
    SecurityFilterChain providerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults());
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signInPageChain(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/signed-out", "/sign-in.css", "/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .build();
    }

    @Bean
    Accounts accounts(SignInProperties properties) {
        return new Accounts(properties.users());
    }

    /**
     * The web app signs in with the authorization code and PKCE, as a public client: it runs on the member's own
     * machine in the embedded default, where a client secret would protect nothing; the proof key and the exact
     * redirect address are what bind the code to it.
     */
    @Bean
    RegisteredClientRepository clients(SignInProperties properties) {
        String webApp = properties.webApp().replaceAll("/+$", "");
        RegisteredClient web = RegisteredClient.withId(UUID.nameUUIDFromBytes(WEB_CLIENT_ID.getBytes()).toString())
                .clientId(WEB_CLIENT_ID)
                .clientName("Rapport")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(webApp + "/login/oauth2/code/rapport")
                .postLogoutRedirectUri(webApp + "/")
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl())
                        .authorizationCodeTimeToLive(Duration.ofMinutes(2)).build())
                .build();
        return new InMemoryRegisteredClientRepository(web);
    }

    @Bean
    AuthorizationServerSettings providerSettings(SignInProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (properties.issuer() != null && !properties.issuer().isBlank()) {
            settings.issuer(properties.issuer());
        }
        return settings.build();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> rapportClaims(Accounts accounts, SignInProperties properties) {
        return new RapportClaims(accounts, properties.audience());
    }

    /**
     * A key made at start-up, kept in memory: tokens signed before a restart stop verifying, and a signed-in member
     * signs in again (the gateway fetches the new key set when it meets an unknown key id).
     */
    @Bean
    JWKSource<SecurityContext> signingKeys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                .privateKey((RSAPrivateKey) keys.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }
}
