package io.rapport.gateway;

import static io.rapport.gateway.GatewayCalls.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * insights-service's routes: the organization's paths need the role at the gateway (the service then checks the
 * assignment or the tenant); a member's own insights paths need the member role, as every other API path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InsightsRoutesTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StubServices.routeTo(registry);
    }

    @ParameterizedTest
    @CsvSource({
        "/api/insights/admin/cohorts, admin, 200",
        "/api/insights/admin/cohorts, advisor, 403",
        "/api/insights/admin/cohorts, member, 403",
        "/api/insights/advisor/caseload, advisor, 200",
        "/api/insights/advisor/caseload, admin, 403",
        "/api/insights/advisor/caseload, member, 403",
        "/api/insights/sharing, member, 200",
        "/api/insights/sharing, advisor, 403",
    })
    void organizationPathsNeedTheirRole(String path, String role, int status) throws Exception {
        HttpResponse<String> response = get(port, path, TestIdentityProvider.withRoles("someone", "uni-a", List.of(role)));

        assertThat(response.statusCode()).as(path + " as " + role).isEqualTo(status);
        if (status == 200) {
            assertThat(response.body()).contains("service=insights\n", "path=" + path + "\n");
        } else {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
        }
    }
}
