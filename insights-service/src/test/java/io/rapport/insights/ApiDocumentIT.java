package io.rapport.insights;

import io.rapport.test.ServedApiDocument;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI document integrators build on (docs/api/insights-service.openapi.json) is what this service serves. */
@InsightsServiceTest
class ApiDocumentIT {

    @LocalServerPort
    int port;

    @Test
    void theCheckedInDocumentIsWhatTheServiceServes() {
        ServedApiDocument.assertCheckedIn(port, "insights-service");
    }
}
