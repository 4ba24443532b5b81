package io.rapport.reminders;

import io.rapport.test.ServedApiDocument;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI document integrators build on (docs/api/reminders-service.openapi.json) is what this service serves. */
@RemindersServiceTest
class ApiDocumentIT {

    @LocalServerPort
    int port;

    @Test
    void theCheckedInDocumentIsWhatTheServiceServes() {
        ServedApiDocument.assertCheckedIn(port, "reminders-service");
    }
}
