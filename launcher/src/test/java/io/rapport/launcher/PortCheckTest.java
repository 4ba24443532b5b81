package io.rapport.launcher;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PortCheckTest {

    @Test
    void aHeldPortIsNamedWithItsComponentAndHowToMoveIt() throws Exception {
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(PortCheck.LOOPBACK, 0));
            int port = holder.getLocalPort();

            LaunchException busy = catchThrowableOfType(LaunchException.class,
                    () -> PortCheck.requireFree(Map.of(PortName.GATEWAY, port)));

            assertThat(busy.exitCode()).isEqualTo(2);
            assertThat(busy.getMessage()).isEqualTo("Port " + port + " (gateway) is already in use. "
                    + "Stop what uses it, or pick another: --gateway-port=N or RAPPORT_GATEWAY_PORT=N");
        }
    }

    @Test
    void everyBusyPortIsReportedAtOnce() throws Exception {
        try (ServerSocket kafka = new ServerSocket(); ServerSocket controller = new ServerSocket()) {
            kafka.bind(new InetSocketAddress(PortCheck.LOOPBACK, 0));
            controller.bind(new InetSocketAddress(PortCheck.LOOPBACK, 0));

            LaunchException busy = catchThrowableOfType(LaunchException.class, () -> PortCheck.requireFree(Map.of(
                    PortName.KAFKA, kafka.getLocalPort(),
                    PortName.KAFKA_CONTROLLER, controller.getLocalPort(),
                    PortName.MONGO, FreePorts.one())));

            assertThat(busy.getMessage())
                    .contains("Port " + kafka.getLocalPort() + " (kafka)", "RAPPORT_KAFKA_PORT=N")
                    .contains("Port " + controller.getLocalPort() + " (kafka-controller)",
                            "--kafka-controller-port=N or RAPPORT_KAFKA_CONTROLLER_PORT=N")
                    .doesNotContain("(mongo)");
        }
    }

    @Test
    void freePortsPass() {
        int port = FreePorts.one();

        assertThat(PortCheck.isFree(port)).isTrue();
        assertThatCode(() -> PortCheck.requireFree(Map.of(PortName.MONGO, port))).doesNotThrowAnyException();
    }
}
