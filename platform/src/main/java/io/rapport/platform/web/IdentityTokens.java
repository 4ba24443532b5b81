package io.rapport.platform.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.rapport.platform.domain.Member;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The internal identity token the gateway signs for every request it sends to a service, and the services verify:
 * a compact JWS (HS256, keyed by the shared {@code rapport.identity.secret}) naming the member ({@code sub}), the
 * tenant ({@code tenant}) and the roles, for the audience {@code rapport-services}, valid for at most a minute.
 * A service believes no identity header without it, so reaching a service's port is not enough to act as a member.
 */
public final class IdentityTokens {

    /** The request header that carries the token from the gateway to a service. */
    public static final String HEADER = "X-Rapport-Identity";
    public static final String ISSUER = "rapport-gateway";
    public static final String AUDIENCE = "rapport-services";
    public static final String TENANT = "tenant";
    public static final String ROLES = "roles";
    /** The longest a token may live: a stolen one is soon useless. */
    public static final Duration MAX_LIFETIME = Duration.ofSeconds(60);
    /** Gateway and service clocks may differ (different machines in production). */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    /** HS256 needs a key of at least 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;

    public IdentityTokens(String secret) {
        this(secret, Clock.systemUTC());
    }

    public IdentityTokens(String secret, Clock clock) {
        byte[] key = requireSecret(secret);
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("rapport.identity.secret cannot key HS256: " + e.getMessage(), e);
        }
        this.clock = clock;
    }

    /** The secret's bytes, or a start-up failure that says what to set. */
    public static byte[] requireSecret(String secret) {
        byte[] key = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("rapport.identity.secret (environment RAPPORT_IDENTITY_SECRET) must be set to the"
                    + " secret the gateway signs identity tokens with, at least " + MIN_SECRET_BYTES + " bytes"
                    + (key.length == 0 ? "; it is not set." : "; it has " + key.length + "."));
        }
        return key;
    }

    /** A token for this member, valid for {@code lifetime} (at most {@link #MAX_LIFETIME}). */
    public String sign(Member member, List<String> roles, Duration lifetime) {
        if (lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("An identity token lives at most " + MAX_LIFETIME + ", not " + lifetime);
        }
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(member.memberId())
                .claim(TENANT, member.tenantId())
                .claim(ROLES, List.copyOf(roles))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * The member a token names, when it is signed with the shared secret (HS256 only), is for the services'
     * audience, from the gateway, not expired and not meant to live longer than {@link #MAX_LIFETIME}; else empty.
     */
    public Optional<Member> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            Date expires = claims.getExpirationTime();
            if (expires == null
                    || !expires.toInstant().plus(CLOCK_SKEW).isAfter(now)
                    || expires.toInstant().isAfter(now.plus(MAX_LIFETIME).plus(CLOCK_SKEW))
                    || !ISSUER.equals(claims.getIssuer())
                    || claims.getAudience() == null || !claims.getAudience().contains(AUDIENCE)) {
                return Optional.empty();
            }
            String memberId = claims.getSubject();
            String tenantId = claims.getStringClaim(TENANT);
            if (!Member.isValidId(memberId) || !Member.isValidId(tenantId)) {
                return Optional.empty();
            }
            return Optional.of(new Member(memberId, tenantId));
        } catch (ParseException | JOSEException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
