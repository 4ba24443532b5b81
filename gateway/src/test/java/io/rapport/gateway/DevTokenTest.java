package io.rapport.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The embedded default signs its own tokens so a newcomer can try the API with curl. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("embedded")
class DevTokenTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StubServices.routeTo(registry);
    }

    @Test
    void aDevTokenNamesTheMemberTheServicesSee() throws Exception {
        HttpResponse<String> issued = post("{\"member\": \"alice\", \"tenant\": \"state-university\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(issued.body());
        assertThat(token.find()).isTrue();

        HttpResponse<String> call = GatewayCalls.get(port, "/api/contacts", token.group(1));

        assertThat(call.statusCode()).isEqualTo(200);
        JWTClaimsSet identity = GatewayRoutingTest.identityTheServiceReceived(call.body());
        assertThat(identity.getSubject()).isEqualTo("alice");
        assertThat(identity.getStringClaim("tenant")).isEqualTo("state-university");
    }

    @Test
    void tokensFromAnotherIssuerAreStillRefused() throws Exception {
        assertThat(GatewayCalls.get(port, "/api/contacts", TestIdentityProvider.member("alice", "uni-a")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void badRequestsForATokenNameTheFields() throws Exception {
        HttpResponse<String> missing = post("{\"roles\": [\"wizard\"]}");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"member\"", "\"field\":\"tenant\"", "\"field\":\"roles\"");
        assertThat(post("{not json").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(String json) throws Exception {
        return GatewayCalls.send(port, "/auth/dev-token", null, HttpRequest.newBuilder()
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
