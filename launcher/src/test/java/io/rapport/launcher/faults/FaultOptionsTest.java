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
        assertThat(options.rate).isEqualTo(200);
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
    void aFlagAfterShortStillCounts() {
        assertThat(FaultOptions.parse(List.of("--short", "--members=9")).members).isEqualTo(9);
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
