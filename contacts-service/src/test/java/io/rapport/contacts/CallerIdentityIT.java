package io.rapport.contacts;

import io.rapport.test.CallerVerification;
import io.rapport.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Called directly, not through the gateway (as any process that reaches its port could): the service acts for a
 * member only on the identity token the gateway signs; bare X-Member-Id/X-Tenant-Id headers, a token with another
 * signature, an expired one or one for another audience are a 401 problem.
 */
@ServiceIntegrationTest
class CallerIdentityIT {

    @LocalServerPort
    int port;

    @Test
    void onlyTheGatewaysSignedIdentityMakesACallAMembers() {
        CallerVerification.onlyTheGatewaysIdentityTokenIsBelieved("http://127.0.0.1:" + port, "/api/contacts");
    }
}
