package io.rapport.insights;

import io.rapport.test.CallerVerification;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Called directly, not through the gateway: only the gateway's signed identity token makes a call anyone's. */
@InsightsServiceTest
class CallerIdentityIT {

    @LocalServerPort
    int port;

    @Test
    void onlyTheGatewaysSignedIdentityMakesACallAMembers() {
        CallerVerification.onlyTheGatewaysIdentityTokenIsBelieved("http://127.0.0.1:" + port, "/api/insights/sharing");
    }
}
