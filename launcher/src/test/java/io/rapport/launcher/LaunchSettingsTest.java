package io.rapport.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LaunchSettingsTest {

    @Test
    void defaultsWhenNothingIsGiven() {
        LaunchSettings settings = LaunchSettings.parse(List.of(), Map.of());

        assertThat(settings.dataDir()).isEqualTo(Path.of(".rapport-data"));
        assertThat(settings.reset()).isFalse();
        assertThat(settings.demo()).isFalse();
        assertThat(settings.ports()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(PortName.GATEWAY, 8080), Map.entry(PortName.CONTACTS, 8081), Map.entry(PortName.SCHEDULING, 8082),
                Map.entry(PortName.NOTES, 8083), Map.entry(PortName.REMINDERS, 8084), Map.entry(PortName.INSIGHTS, 8085),
                Map.entry(PortName.KAFKA, 9092), Map.entry(PortName.KAFKA_CONTROLLER, 9093), Map.entry(PortName.MONGO, 27018),
                Map.entry(PortName.WEB, 8088), Map.entry(PortName.AUTH, 8089)));
    }

    @Test
    void flagsBeatEnvironmentVariablesWhichBeatDefaults() {
        LaunchSettings settings = LaunchSettings.parse(
                List.of("--gateway-port=9080", "--kafka-controller-port=19093"),
                Map.of("RAPPORT_GATEWAY_PORT", "7080", "RAPPORT_KAFKA_CONTROLLER_PORT", "29093",
                        "RAPPORT_MONGO_PORT", "27999"));

        assertThat(settings.port(PortName.GATEWAY)).isEqualTo(9080);
        assertThat(settings.port(PortName.KAFKA_CONTROLLER)).isEqualTo(19093);
        assertThat(settings.port(PortName.MONGO)).isEqualTo(27999);
        assertThat(settings.port(PortName.KAFKA)).isEqualTo(9092);
    }

    @Test
    void dataDirResetAndDemo() {
        LaunchSettings settings = LaunchSettings.parse(List.of("--data-dir=/tmp/elsewhere", "--reset", "--demo"), Map.of());

        assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/elsewhere"));
        assertThat(settings.reset()).isTrue();
        assertThat(settings.demo()).isTrue();
    }

    @Test
    void unknownFlagIsAUsageError() {
        LaunchException error = catchThrowableOfType(LaunchException.class,
                () -> LaunchSettings.parse(List.of("--gateway=8080"), Map.of()));

        assertThat(error.exitCode()).isEqualTo(2);
        assertThat(error.getMessage()).isEqualTo("Unknown option: --gateway=8080");
    }

    @Test
    void aPortMustBeANumberInRangeWhereverItComesFrom() {
        assertThat(catchThrowableOfType(LaunchException.class,
                () -> LaunchSettings.parse(List.of("--notes-port=seven"), Map.of())))
                .hasMessage("--notes-port needs a port number from 1 to 65535, not 'seven'.")
                .extracting(LaunchException::exitCode).isEqualTo(2);
        assertThat(catchThrowableOfType(LaunchException.class,
                () -> LaunchSettings.parse(List.of(), Map.of("RAPPORT_NOTES_PORT", "70000"))))
                .hasMessage("RAPPORT_NOTES_PORT needs a port number from 1 to 65535, not '70000'.");
        assertThat(catchThrowableOfType(LaunchException.class,
                () -> LaunchSettings.parse(List.of("--notes-port"), Map.of())))
                .hasMessageContaining("--notes-port needs a port number");
    }

    @Test
    void twoComponentsCannotShareAPort() {
        LaunchException error = catchThrowableOfType(LaunchException.class,
                () -> LaunchSettings.parse(List.of("--gateway-port=8081"), Map.of()));

        assertThat(error.exitCode()).isEqualTo(2);
        assertThat(error.getMessage()).contains("8081", "gateway", "contacts");
    }

    @Test
    void usageListsEveryPortFlagAndVariable() {
        String usage = LaunchSettings.usage();

        for (PortName name : PortName.values()) {
            assertThat(usage).contains(name.flag() + "=N", name.envVar());
        }
        assertThat(usage).contains("--data-dir=PATH", "--reset", "--demo", "--help", "RAPPORT_IDENTITY_SECRET");
    }

    @Test
    void instancesDefaultToOneAndTheFurtherOnesListenAHundredPortsAbove() {
        assertThat(LaunchSettings.parse(List.of(), Map.of()).instances()).isEqualTo(1);
        LaunchSettings two = LaunchSettings.parse(List.of("--instances=2"), Map.of());

        assertThat(two.instances()).isEqualTo(2);
        assertThat(two.instancePort(PortName.CONTACTS, 1)).isEqualTo(8181);
        assertThat(two.extraInstancePorts()).containsExactly(Map.entry("contacts #2", 8181),
                Map.entry("scheduling #2", 8182), Map.entry("notes #2", 8183), Map.entry("reminders #2", 8184),
                Map.entry("insights #2", 8185));
    }

    @Test
    void instancesMustBeBetweenOneAndFourAndTheirPortsFreeOfOtherComponents() {
        assertThat(catchThrowableOfType(LaunchException.class, () -> LaunchSettings.parse(List.of("--instances=0"), Map.of())))
                .hasMessageContaining("--instances needs a number from 1 to 4");
        assertThat(catchThrowableOfType(LaunchException.class, () -> LaunchSettings.parse(List.of("--instances=two"), Map.of())))
                .hasMessageContaining("not 'two'");
        assertThat(catchThrowableOfType(LaunchException.class,
                () -> LaunchSettings.parse(List.of("--instances=2", "--gateway-port=8181"), Map.of())))
                .hasMessageContaining("Port 8181 is given to both gateway and contacts #2");
    }
}
