package io.rapport.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.rapport.gateway.GatewayProperties;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import reactor.core.publisher.Mono;

/**
 * The embedded default's own identity provider, so a newcomer can try the API with curl: a key
 * made at start-up signs tokens that {@code POST /auth/dev-token} hands out for any member. It
 * exists only in the {@code embedded} profile — never in production.
 */
@Configuration(proxyBeanMethods = false)
@Profile("embedded")
public class DevTokens {

    public static final String PATH = "/auth/dev-token";
    static final String ISSUER = "rapport-embedded";
    private static final Duration LIFETIME = Duration.ofHours(8);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(DevTokens.class);

    private final KeyPair keys;
    private final String audience;

    DevTokens(GatewayProperties properties) throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = generator.generateKeyPair();
        this.audience = properties.jwt().audience();
        log.warn("DEV TOKENS ARE ON: POST {} issues tokens for any member. For the embedded default only, never production.", PATH);
    }

    /**
     * Dev tokens, and where {@code rapport.gateway.jwt.issuer-uri} names one (the launcher points it at the
     * auth-server module), the OpenID Connect provider's tokens too, found by issuer discovery on first use, so the
     * gateway need not wait for the provider to start.
     */
    @Bean
    ReactiveJwtDecoder devTokenDecoder(GatewayProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
        decoder.setJwtValidator(TokenClaims.validator(ISSUER, audience));
        String issuerUri = properties.jwt().issuerUri();
        if (issuerUri == null || issuerUri.isBlank()) {
            return decoder;
        }
        NimbusReactiveJwtDecoder provider = NimbusReactiveJwtDecoder.withIssuerLocation(issuerUri).build();
        provider.setJwtValidator(TokenClaims.validator(issuerUri, audience));
        log.info("Accepting tokens from the OpenID Connect provider {} as well as dev tokens", issuerUri);
        return new IssuerRoutedDecoder(ISSUER, decoder, provider);
    }

    @Bean
    RouterFunction<ServerResponse> devTokenEndpoint() {
        return RouterFunctions.route(RequestPredicates.POST(PATH), request -> request.bodyToMono(String.class)
                .defaultIfEmpty("{}")
                .flatMap(body -> {
                    TokenRequest parsed;
                    try {
                        parsed = JSON.readValue(body, TokenRequest.class);
                    } catch (JacksonException e) {
                        return ServerResponse.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                                .bodyValue(Map.of("status", 400, "title", "Malformed request",
                                        "detail", "Send {\"member\": ..., \"tenant\": ..., \"roles\": [\"member\"]} as JSON."));
                    }
                    return answer(parsed == null ? new TokenRequest(null, null, null) : parsed);
                }));
    }

    String issue(String member, String tenant, List<String> roles) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .subject(member)
                .claim(TokenClaims.TENANT, tenant)
                .claim(TokenClaims.ROLES, roles)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        token.sign(new RSASSASigner(keys.getPrivate()));
        return token.serialize();
    }

    /** {@code {"member": "alice", "tenant": "state-university", "roles": ["member"]}} → an access token. */
    private Mono<ServerResponse> answer(TokenRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (!TokenClaims.isValidId(request.member())) {
            errors.add(Map.of("field", "member", "message", "is required: 1-128 letters, digits or ._@:-"));
        }
        if (!TokenClaims.isValidId(request.tenant())) {
            errors.add(Map.of("field", "tenant", "message", "is required: 1-128 letters, digits or ._@:-"));
        }
        List<String> roles = request.roles() == null || request.roles().isEmpty() ? List.of("member") : request.roles();
        if (!TokenClaims.KNOWN_ROLES.containsAll(roles)) {
            errors.add(Map.of("field", "roles", "message", "must be among " + TokenClaims.KNOWN_ROLES));
        }
        if (!errors.isEmpty()) {
            return ServerResponse.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyValue(Map.of("status", 400, "title", "Invalid request",
                            "detail", errors.size() + " field(s) invalid", "errors", errors));
        }
        try {
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of(
                    "access_token", issue(request.member(), request.tenant(), roles),
                    "token_type", "Bearer",
                    "expires_in", LIFETIME.toSeconds()));
        } catch (JOSEException e) {
            return Mono.error(e);
        }
    }

    record TokenRequest(String member, String tenant, List<String> roles) {
    }
}
