package io.rapport.gateway.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs the internal identity token the services believe instead of plain headers (the services' side is the
 * platform's {@code IdentityTokens}): a compact JWS, HS256 with the secret shared with every service
 * ({@code rapport.identity.secret}), claims {@code iss=rapport-gateway}, {@code aud=rapport-services}, {@code sub}
 * (member), {@code tenant}, {@code roles}, {@code iat}, {@code exp} one minute later.
 *
 * <p>A member's calls come in bursts, so a token signed for a (member, tenant, roles) is reused for
 * {@link #REUSE} (it then has at least 50 s to live when a service sees it) rather than signed per request;
 * bounded like the verified bearer tokens (expired entries dropped first, everything when still full).
 */
@Component
public class IdentityTokenSigner {

    /** The header the services read; the name the platform's {@code IdentityTokens.HEADER} uses. */
    public static final String HEADER = "X-Rapport-Identity";
    static final String ISSUER = "rapport-gateway";
    static final String AUDIENCE = "rapport-services";
    static final Duration LIFETIME = Duration.ofSeconds(60);
    static final Duration REUSE = Duration.ofSeconds(10);
    static final int CAPACITY = 10_000;
    static final int MIN_SECRET_BYTES = 32;

    private final MACSigner signer;
    private final Clock clock;
    private final Map<ForwardedIdentity, Signed> signed = new ConcurrentHashMap<>();

    @Autowired
    IdentityTokenSigner(@Value("${rapport.identity.secret:}") String secret) {
        this(secret, Clock.systemUTC());
    }

    IdentityTokenSigner(String secret, Clock clock) {
        byte[] key = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("rapport.identity.secret (environment RAPPORT_IDENTITY_SECRET) must be set to the"
                    + " secret the services verify identity tokens with, at least " + MIN_SECRET_BYTES + " bytes"
                    + (key.length == 0 ? "; it is not set." : "; it has " + key.length + "."));
        }
        try {
            this.signer = new MACSigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        this.clock = clock;
    }

    /** The token for this identity: one signed within the last {@link #REUSE}, else a new one. */
    String tokenFor(ForwardedIdentity identity) {
        long now = clock.millis();
        Signed known = signed.get(identity);
        if (known != null && now - known.signedAt() < REUSE.toMillis()) {
            return known.token();
        }
        String token = sign(identity, Instant.ofEpochMilli(now));
        if (signed.size() >= CAPACITY) {
            signed.values().removeIf(entry -> now - entry.signedAt() >= REUSE.toMillis());
            if (signed.size() >= CAPACITY) {
                signed.clear();
            }
        }
        signed.put(identity, new Signed(token, now));
        return token;
    }

    int size() {
        return signed.size();
    }

    private String sign(ForwardedIdentity identity, Instant now) {
        List<String> roles = identity.roles().isEmpty() ? List.of() : Arrays.asList(identity.roles().split(","));
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(identity.member())
                .claim("tenant", identity.tenant())
                .claim("roles", roles)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private record Signed(String token, long signedAt) {
    }
}
