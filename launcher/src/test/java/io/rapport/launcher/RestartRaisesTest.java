package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which restarts start raised: the only instance and the gateway always, one of a pair only while no other is. */
class RestartRaisesTest {

    private final DataFolder folder = new DataFolder(Path.of("target", "restart-raises-test"));
    private final LaunchSettings two = LaunchSettings.defaults().withInstances(2);
    private final RestartRaises raises = new RestartRaises();

    @Test
    void theOnlyInstanceOfAServiceAndTheGatewayAreAlwaysRaised() {
        ServiceProcess only = new ServiceProcess(RapportService.NOTES, LaunchSettings.defaults(), folder, "s");
        ServiceProcess gateway = new ServiceProcess(RapportService.GATEWAY, two, folder, "s");

        assertThat(raises.take(only)).isTrue();
        assertThat(raises.take(only)).as("two of them restarting at once (the store's restart)").isTrue();
        assertThat(raises.take(gateway)).isTrue();
    }

    @Test
    void oneOfAPairIsRaisedOnlyWhileNoOtherOneOfAPairIsRestartingRaised() {
        ServiceProcess contacts2 = new ServiceProcess(RapportService.CONTACTS, two, folder, "s").another(1, two, "s");
        ServiceProcess scheduling2 = new ServiceProcess(RapportService.SCHEDULING, two, folder, "s").another(1, two, "s");

        assertThat(raises.take(contacts2)).as("the first of two killed at once").isTrue();
        assertThat(raises.take(scheduling2)).as("the second, while the first starts raised").isFalse();
        assertThat(raises.take(new ServiceProcess(RapportService.NOTES, LaunchSettings.defaults(), folder, "s")))
                .as("the only instance of a service is not held back by a pair's restart").isTrue();

        raises.giveBack(contacts2);
        assertThat(raises.take(scheduling2)).as("once the first is put back to normal").isTrue();
    }
}
