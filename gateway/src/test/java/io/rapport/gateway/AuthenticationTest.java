package io.rapport.gateway;

import static io.rapport.gateway.GatewayCalls.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Only a valid token from the configured issuer, for this audience, with a member role, passes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthenticationTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StubServices.routeTo(registry);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "garbage", "forged", "expired", "wrong-issuer", "wrong-audience", "no-tenant"})
    void aRequestWithoutAValidTokenIsUnauthorizedAndNeverReachesAService(String kind) throws Exception {
        String token = switch (kind) {
            case "none" -> null;
            case "garbage" -> "not.a.token";
            case "forged" -> TestIdentityProvider.forged("alice", "uni-a");
            case "expired" -> TestIdentityProvider.expired("alice", "uni-a");
            case "wrong-issuer" -> TestIdentityProvider.fromIssuer("https://evil.test", "alice", "uni-a");
            case "wrong-audience" -> TestIdentityProvider.forAudience("another-app", "alice", "uni-a");
            case "no-tenant" -> TestIdentityProvider.member("alice", null);
            default -> throw new IllegalArgumentException(kind);
        };

        HttpResponse<String> response = get(port, "/api/contacts", token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"title\":\"Not authenticated\"").doesNotContain("service=");
    }

    @Test
    void aValidTokenWithoutTheMemberRoleIsForbidden() throws Exception {
        HttpResponse<String> response = get(port, "/api/contacts", TestIdentityProvider.withRoles("ann", "uni-a", List.of("advisor")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"title\":\"Forbidden\"").doesNotContain("service=");
    }

    @Test
    void aValidMemberTokenPasses() throws Exception {
        assertThat(get(port, "/api/contacts", TestIdentityProvider.member("alice", "uni-a")).statusCode()).isEqualTo(200);
    }
}
