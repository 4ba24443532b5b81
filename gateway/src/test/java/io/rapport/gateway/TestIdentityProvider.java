package io.rapport.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;

/**
 * An identity provider for tests: it publishes a JWK set on loopback and signs tokens, including
 * the bad ones a gateway must refuse (forged, expired, wrong issuer or audience).
 */
final class TestIdentityProvider {

    static final String ISSUER = "https://idp.state-university.test";
    private static final RSAKey KEY = generate("trusted");
    private static final RSAKey FORGER = generate("trusted");
    private static DisposableServer server;

    private TestIdentityProvider() {
    }

    static synchronized String jwkSetUri() {
        if (server == null) {
            server = publishKeys(0);
        }
        return "http://127.0.0.1:" + server.port() + "/jwks";
    }

    /** Publishes the JWK set at {@code /jwks} on this loopback port (0: any free one). */
    static DisposableServer publishKeys(int port) {
        byte[] jwks = jwkSet();
        return StubServices.onLoopback().port(port)
                .route(routes -> routes.get("/jwks", (request, response) -> response
                        .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(jwks.length))
                        .sendByteArray(Mono.just(jwks))))
                .bindNow();
    }

    /** The JWK set the provider publishes: the public half of the key its tokens are signed with. */
    private static byte[] jwkSet() {
        return new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    }

    static String member(String member, String tenant) {
        return token(KEY, ISSUER, "rapport", member, tenant, List.of("member"), Duration.ofMinutes(10));
    }

    static String withRoles(String member, String tenant, List<String> roles) {
        return token(KEY, ISSUER, "rapport", member, tenant, roles, Duration.ofMinutes(10));
    }

    static String forged(String member, String tenant) {
        return token(FORGER, ISSUER, "rapport", member, tenant, List.of("member"), Duration.ofMinutes(10));
    }

    static String expired(String member, String tenant) {
        return token(KEY, ISSUER, "rapport", member, tenant, List.of("member"), Duration.ofMinutes(-5));
    }

    static String fromIssuer(String issuer, String member, String tenant) {
        return token(KEY, issuer, "rapport", member, tenant, List.of("member"), Duration.ofMinutes(10));
    }

    static String forAudience(String audience, String member, String tenant) {
        return token(KEY, ISSUER, audience, member, tenant, List.of("member"), Duration.ofMinutes(10));
    }

    private static String token(RSAKey key, String issuer, String audience, String member, String tenant,
            List<String> roles, Duration validFor) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer).audience(audience).subject(member)
                    .claim("roles", roles)
                    .issueTime(Date.from(now.minusSeconds(600)))
                    .expirationTime(Date.from(now.plus(validFor)))
                    .jwtID(UUID.randomUUID().toString());
            if (tenant != null) {
                claims.claim("tenant", tenant);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
