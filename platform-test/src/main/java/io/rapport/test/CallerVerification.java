package io.rapport.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.rapport.platform.domain.Member;
import io.rapport.platform.web.IdentityHeaders;
import io.rapport.platform.web.IdentityTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a service believes about who is calling, checked over HTTP against the running service itself (not
 * through the gateway): the plain identity headers and every kind of bad identity token are a 401 problem; the
 * token the gateway signs is accepted.
 */
public final class CallerVerification {

    private CallerVerification() {
    }

    /** Checks the service at {@code baseUrl}, with {@code path} an API GET that a new member may call (200). */
    public static void onlyTheGatewaysIdentityTokenIsBelieved(String baseUrl, String path) {
        String member = "caller-" + UUID.randomUUID().toString().substring(0, 8);
        String tenant = "uni-callers";
        Member caller = new Member(member, tenant);
        Instant now = Instant.now();

        Map<String, ApiClient> refused = new java.util.LinkedHashMap<>();
        refused.put("no identity at all", ApiClient.at(baseUrl));
        refused.put("bare X-Member-Id/X-Tenant-Id headers",
                ApiClient.at(baseUrl).header(IdentityHeaders.MEMBER, member).header(IdentityHeaders.TENANT, tenant));
        refused.put("a token signed with another secret", withToken(baseUrl,
                new IdentityTokens("not-the-secret-the-services-were-given-at-all").sign(caller, List.of("member"), Duration.ofSeconds(60))));
        refused.put("an expired token", withToken(baseUrl,
                new IdentityTokens(ApiClient.IDENTITY_SECRET, Clock.fixed(now.minusSeconds(120), ZoneOffset.UTC))
                        .sign(caller, List.of("member"), Duration.ofSeconds(60))));
        refused.put("a token for another audience", withToken(baseUrl,
                token(claims(caller, now).audience("rapport-gateway").build(), ApiClient.IDENTITY_SECRET)));
        refused.put("a token from another issuer", withToken(baseUrl,
                token(claims(caller, now).issuer("someone-else").build(), ApiClient.IDENTITY_SECRET)));
        refused.put("a token that would live a day", withToken(baseUrl,
                token(claims(caller, now).expirationTime(Date.from(now.plus(Duration.ofDays(1)))).build(), ApiClient.IDENTITY_SECRET)));
        refused.put("an unsigned token (alg none)", withToken(baseUrl,
                new com.nimbusds.jwt.PlainJWT(claims(caller, now).build()).serialize()));
        refused.put("a valid token's signature on other claims", withToken(baseUrl,
                swapPayload(ApiClient.identityToken(member, tenant), ApiClient.identityToken("someone-else", tenant))));

        refused.forEach((why, client) -> {
            ApiClient.Response response = client.get(path);
            assertThat(response.status()).as(why + ": " + response).isEqualTo(401);
            assertThat(response.contentType()).as(why).startsWith("application/problem+json");
        });

        ApiClient.Response accepted = ApiClient.at(baseUrl).as(member, tenant).get(path);
        assertThat(accepted.status()).as("the gateway's token: " + accepted).isEqualTo(200);
    }

    private static ApiClient withToken(String baseUrl, String token) {
        return ApiClient.at(baseUrl).header(IdentityTokens.HEADER, token);
    }

    private static JWTClaimsSet.Builder claims(Member member, Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(IdentityTokens.ISSUER)
                .audience(IdentityTokens.AUDIENCE)
                .subject(member.memberId())
                .claim(IdentityTokens.TENANT, member.tenantId())
                .claim(IdentityTokens.ROLES, List.of("member"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60)));
    }

    private static String token(JWTClaimsSet claims, String secret) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The second token's claims under the first token's header and signature. */
    private static String swapPayload(String signed, String other) {
        String[] a = signed.split("\\.");
        String[] b = other.split("\\.");
        return a[0] + "." + b[1] + "." + a[2];
    }
}
