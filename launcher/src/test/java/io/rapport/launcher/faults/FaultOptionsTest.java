package io.rapport.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaultOptionsTest {

    @Test
    void theDefaultsAreTheIssuesVolumes() {
        FaultOptions options = FaultOptions.parse(List.of());

        assertThat(options.members).isEqualTo(50);
        assertThat(options.events).as("issue 17: around 200 events/s").isEqualTo(200);
        assertThat(options.rate).as("a ceiling of requests/s above what 200 events/s take").isGreaterThan(300);
        assertThat(options.instances).isEqualTo(1);
        assertThat(options.kafkaDownSeconds).isEqualTo(10);
        assertThat(options.freezeSeconds).isEqualTo(30);
        assertThat(Fault.plan(false)).extracting(Fault::label).containsExactly("kafka kill -9", "contacts-service kill -9",
                "scheduling-service kill -9", "notes-service kill -9", "reminders-service kill -9", "mongo restart",
                "gateway kill -9", "reminders-service SIGSTOP");
    }

    @Test
    void theShortFormHasOneFaultOfEachKindAndFewMembers() {
        FaultOptions options = FaultOptions.parse(List.of("--short"));

        assertThat(options.members).isLessThanOrEqualTo(10);
        assertThat(Fault.plan(true)).extracting(Fault::kind).containsExactlyInAnyOrder(Fault.Kind.values());
    }

    @Test
    void theLoadWaitsForTheStartUpCachesExceptInTheShortForm() {
        assertThat(FaultOptions.parse(List.of()).cachesWaitSeconds).isEqualTo(300);
        assertThat(FaultOptions.parse(List.of("--short")).cachesWaitSeconds).isZero();
        assertThat(FaultOptions.parse(List.of("--short", "--caches-wait=60")).cachesWaitSeconds).isEqualTo(60);
        assertThatThrownBy(() -> FaultOptions.parse(List.of("--caches-wait=soon")))
                .hasMessage("--caches-wait needs a whole number, not 'soon'");
    }

    @Test
    void aFlagAfterShortStillCounts() {
        assertThat(FaultOptions.parse(List.of("--short", "--members=9")).members).isEqualTo(9);
    }

    @Test
    void twoInstancesAreTakenAndMoreThanTheLauncherRunsAreNot() {
        assertThat(FaultOptions.parse(List.of("--instances=2")).instances).isEqualTo(2);
        assertThatThrownBy(() -> FaultOptions.parse(List.of("--instances=5"))).hasMessage("--instances needs a number from 1 to 4");
    }

    @Test
    void eachCallIsCountedForTheServiceTheGatewayRoutesItTo() {
        assertThat(Ledger.serviceOf("/api/contacts/abc/outreach")).isEqualTo("contacts-service");
        assertThat(Ledger.serviceOf("/api/employers")).isEqualTo("contacts-service");
        assertThat(Ledger.serviceOf("/api/interviews?limit=1")).isEqualTo("scheduling-service");
        assertThat(Ledger.serviceOf("/api/scheduling/contacts/x")).isEqualTo("scheduling-service");
        assertThat(Ledger.serviceOf("/api/notes/i/thank-you/sent")).isEqualTo("notes-service");
        assertThat(Ledger.serviceOf("/api/reminders")).isEqualTo("reminders-service");
        assertThat(Ledger.serviceOf("/auth/dev-token")).isNull();
    }

    @Test
    void theLongestGapWithoutAnAnswerCountsFromTheFaultToTheLastAnswer() {
        List<Ledger.Call> calls = List.of(
                new Ledger.Call(1_000, 201, null, "contacts-service"),
                new Ledger.Call(2_000, 201, null, "scheduling-service"),
                new Ledger.Call(3_000, 503, "POST /api/contacts → 503", "contacts-service"),
                new Ledger.Call(9_500, 201, null, "contacts-service"),
                new Ledger.Call(10_000, 200, null, "contacts-service"));

        assertThat(FaultSuite.longestGapMillis(calls, "contacts-service", 2_500, 10_000)).isEqualTo(7_000);
        assertThat(FaultSuite.longestGapMillis(calls, null, 2_500, 10_000)).isEqualTo(7_000);
        assertThat(FaultSuite.longestGapMillis(calls, "scheduling-service", 2_500, 10_000))
                .as("no call went to it in the window").isEqualTo(-1);
        assertThat(FaultSuite.longestGapMillis(calls, "contacts-service", 2_500, 12_000))
                .as("the gap still open at the end counts").isEqualTo(7_000);
        assertThat(FaultSuite.longestGapMillis(calls, "contacts-service", 2_500, 20_000)).isEqualTo(10_000);
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> FaultOptions.parse(List.of("--members=0"))).hasMessage("--members must be at least 1");
        assertThatThrownBy(() -> FaultOptions.parse(List.of("--members=lots")))
                .hasMessage("--members needs a whole number, not 'lots'");
        assertThatThrownBy(() -> FaultOptions.parse(List.of("--chaos"))).hasMessage("Unknown option: --chaos");
    }

    @Test
    void aContactsStageFollowsTheLastStepItsEventsReported() {
        assertThat(SystemChecks.stageAfter(Ledger.Step.OUTREACH)).isEqualTo("OUTREACH_SENT");
        assertThat(SystemChecks.stageAfter(Ledger.Step.PROPOSED)).isEqualTo("REPLIED");
        assertThat(SystemChecks.stageAfter(Ledger.Step.CONFIRMED)).isEqualTo("SCHEDULED");
        assertThat(SystemChecks.stageAfter(Ledger.Step.NOTE)).isEqualTo("INTERVIEWED");
        assertThat(SystemChecks.stageAfter(Ledger.Step.THANK_YOU)).isEqualTo("THANKED");
    }
}
