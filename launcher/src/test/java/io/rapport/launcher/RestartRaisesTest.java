package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How far restarts start raised: the only instance and the gateway fully, one of several by half while no other is. */
class RestartRaisesTest {

    private final DataFolder folder = new DataFolder(Path.of("target", "restart-raises-test"));
    private final LaunchSettings two = LaunchSettings.defaults().withInstances(2);
    private final RestartRaises raises = new RestartRaises();

    @Test
    void theOnlyInstanceOfAServiceAndTheGatewayAreAlwaysRaisedFully() {
        ServiceProcess only = new ServiceProcess(RapportService.NOTES, LaunchSettings.defaults(), folder, "s");
        ServiceProcess gateway = new ServiceProcess(RapportService.GATEWAY, two, folder, "s");

        assertThat(raises.take(only)).isEqualTo(CpuPriority.RAISE);
        assertThat(raises.take(only)).as("two of them restarting at once (the store's restart)").isEqualTo(CpuPriority.RAISE);
        assertThat(raises.take(gateway)).isEqualTo(CpuPriority.RAISE);
    }

    @Test
    void oneOfSeveralIsRaisedByHalfOnlyWhileNoOtherOneOfSeveralIsRestartingRaised() {
        ServiceProcess contacts2 = new ServiceProcess(RapportService.CONTACTS, two, folder, "s").another(1, two, "s");
        ServiceProcess scheduling2 = new ServiceProcess(RapportService.SCHEDULING, two, folder, "s").another(1, two, "s");

        int first = raises.take(contacts2);
        assertThat(first).as("the first of two killed at once").isEqualTo(CpuPriority.PAIR_RAISE);
        assertThat(raises.take(scheduling2)).as("the second, while the first starts raised").isZero();
        raises.giveBack(scheduling2, 0);
        assertThat(raises.take(new ServiceProcess(RapportService.NOTES, LaunchSettings.defaults(), folder, "s")))
                .as("the only instance of a service is not held back by a pair's restart").isEqualTo(CpuPriority.RAISE);

        raises.giveBack(contacts2, first);
        assertThat(raises.take(scheduling2)).as("once the first is put back to normal").isEqualTo(CpuPriority.PAIR_RAISE);
    }
}
