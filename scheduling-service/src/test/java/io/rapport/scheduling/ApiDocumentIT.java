package io.rapport.scheduling;

import io.rapport.test.ServedApiDocument;
import io.rapport.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI document integrators build on (docs/api/scheduling-service.openapi.json) is what this service serves. */
@ServiceIntegrationTest
class ApiDocumentIT {

    @LocalServerPort
    int port;

    @Test
    void theCheckedInDocumentIsWhatTheServiceServes() {
        ServedApiDocument.assertCheckedIn(port, "scheduling-service");
    }
}
