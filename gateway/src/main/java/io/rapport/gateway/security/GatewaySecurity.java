package io.rapport.gateway.security;

import io.rapport.gateway.GatewayProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway is an OAuth2 resource server: every API call carries a bearer token from the
 * organization's identity provider; members reach the API, other roles get 403.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurity {

    /** About 2 KB each: 10,000 members signed in at once cost some 20 MB of heap. */
    static final int VERIFIED_TOKENS_KEPT = 10_000;
    static final Duration VERIFIED_TOKEN_TRUSTED_FOR = Duration.ofMinutes(5);

    @Bean
    SecurityWebFilterChain securityChain(ServerHttpSecurity http, ReactiveJwtDecoder tokens) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .cors(Customizer.withDefaults())
                // Stateless: every call carries its token. Spring Security's defaults keep the security context and
                // the request cache in a WebSession, which made one (on a blocking-capable thread) for every request.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .pathMatchers(HttpMethod.POST, DevTokens.PATH).permitAll()
                        .pathMatchers(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/**",
                                "/openapi/*", "/asyncapi.yaml").permitAll()
                        .pathMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                        // Calendar apps cannot send tokens: the feed's own unguessable, revocable token in the path is checked by scheduling.
                        .pathMatchers(HttpMethod.GET, "/api/calendar/feeds/*").permitAll()
                        // The organization's side of insights-service: the role here, the assignment or tenant there.
                        .pathMatchers("/api/insights/admin/**").hasRole("ADMIN")
                        .pathMatchers("/api/insights/advisor/**").hasRole("ADVISOR")
                        .pathMatchers("/api/**").hasRole("MEMBER")
                        .anyExchange().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new BearerTokenHeader())
                        .jwt(jwt -> jwt.authenticationManager(verifiedTokens(tokens)))
                        .authenticationEntryPoint((exchange, e) -> ProblemJson.write(exchange.getResponse(),
                                HttpStatus.UNAUTHORIZED, "Not authenticated",
                                "A valid bearer token from your organization's sign-in is required."))
                        .accessDeniedHandler((exchange, e) -> ProblemJson.write(exchange.getResponse(),
                                HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this request.")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, e) -> ProblemJson.write(exchange.getResponse(),
                                HttpStatus.UNAUTHORIZED, "Not authenticated",
                                "A valid bearer token from your organization's sign-in is required."))
                        .accessDeniedHandler((exchange, e) -> ProblemJson.write(exchange.getResponse(),
                                HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this request.")))
                .build();
    }

    /**
     * Spring Security wraps every one of its filters, and each authorization, in an observation (two timers and a
     * context each): about 10 % of the gateway's CPU samples for measurements no one reads; requests are still
     * measured as a whole ({@code http.server.requests}) and per route ({@code spring.cloud.gateway.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Signature, expiry, issuer, audience and claims checked once per token, expiry again on every call. */
    static ReactiveAuthenticationManager verifiedTokens(ReactiveJwtDecoder tokens) {
        JwtReactiveAuthenticationManager verifier = new JwtReactiveAuthenticationManager(new ProviderOutageDecoder(tokens));
        verifier.setJwtAuthenticationConverter(TokenClaims.authentication());
        return new VerifiedTokens(verifier, VERIFIED_TOKENS_KEPT, VERIFIED_TOKEN_TRUSTED_FOR, Clock.systemUTC());
    }

    /**
     * Spring Security's firewall refuses paths such as {@code ..%2F..%2Fx} or {@code %00} before any route: with a
     * problem, like every other refusal, instead of its default empty 400.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests() {
        return (exchange, rejected) -> ProblemJson.write(exchange.getResponse(), HttpStatus.BAD_REQUEST, "Bad request",
                "The request's path or headers contain characters that are not accepted (such as encoded slashes, "
                        + "'..' segments or control characters).");
    }

    /** Spring Security's strict firewall, with header checks that cost a loop rather than a regular expression. */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters.NAMES);
        firewall.setAllowedHeaderValues(HeaderCharacters.VALUES);
        return firewall;
    }

    /** Tokens from the organization's provider: its issuer URI (OpenID discovery) or its JWK set. */
    @Bean
    @Profile("!embedded")
    ReactiveJwtDecoder providerTokens(GatewayProperties properties) {
        GatewayProperties.Jwt jwt = properties.jwt();
        if (jwt.issuerUri() != null && !jwt.issuerUri().isBlank()) {
            NimbusReactiveJwtDecoder decoder = (NimbusReactiveJwtDecoder) ReactiveJwtDecoders.fromIssuerLocation(jwt.issuerUri());
            decoder.setJwtValidator(TokenClaims.validator(jwt.issuerUri(), jwt.audience()));
            return decoder;
        }
        if (jwt.jwkSetUri() != null && !jwt.jwkSetUri().isBlank()) {
            if (jwt.issuer() == null || jwt.issuer().isBlank()) {
                throw new IllegalStateException("rapport.gateway.jwt.issuer must name the issuer whose JWK set is configured");
            }
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
            decoder.setJwtValidator(TokenClaims.validator(jwt.issuer(), jwt.audience()));
            return decoder;
        }
        throw new IllegalStateException("The gateway needs an identity provider: set rapport.gateway.jwt.issuer-uri "
                + "(RAPPORT_GATEWAY_JWT_ISSUER_URI), or rapport.gateway.jwt.jwk-set-uri with rapport.gateway.jwt.issuer. "
                + "On one machine, ./rapport run uses the embedded profile and its own dev tokens.");
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins = properties.cors().allowedOrigins();
        if (!origins.isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(origins);
            cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Request-Id", "traceparent", "If-Match"));
            cors.setExposedHeaders(List.of("X-Request-Id", "Location", "Retry-After"));
            cors.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }
}
