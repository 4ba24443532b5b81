package io.rapport.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProbeTriesTest {

    @Test
    void aFaultWhoseFirstTryWorkedSaysNothing() {
        assertThat(new FaultInjector.ProbeTries().summary()).isEmpty();
    }

    @Test
    void theReportNamesHowManyTriesFailedAndTheSlowestWithItsAnswer() {
        FaultInjector.ProbeTries tries = new FaultInjector.ProbeTries();
        tries.failed(40, "GET /api/contacts?limit=1 → 503 {\"title\": \"Service unavailable\"}");
        tries.failed(15_020, "GET /api/contacts?limit=1 → no answer java.net.http.HttpTimeoutException: request timed out");
        tries.failed(35, "GET /api/contacts?limit=1 → 401 ");

        assertThat(tries.summary()).isEqualTo("3 tries failed, the slowest in 15.0 s: GET /api/contacts?limit=1 → no answer"
                + " java.net.http.HttpTimeoutException: request timed out");
    }
}
