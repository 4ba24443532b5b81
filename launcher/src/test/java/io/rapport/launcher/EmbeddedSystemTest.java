package io.rapport.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EmbeddedSystemTest {

    @TempDir
    Path dir;

    @Test
    void missingJarsAreNamedBeforeAnythingStarts() {
        LaunchSettings settings = onFreePorts().withRepoRoot(dir.resolve("repo")).withDataDir(dir.resolve("data"));

        LaunchException failure = catchThrowableOfType(LaunchException.class, () -> EmbeddedSystem.start(settings));

        assertThat(failure.exitCode()).isEqualTo(1);
        assertThat(failure.getMessage())
                .contains("contacts-service/target/contacts-service.jar is missing: run ./rapport run (it builds) or ./mvnw package")
                .contains("gateway/target/gateway.jar is missing");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aBusyPortStopsTheStartWithExitCode2AndStartsNothing() throws Exception {
        Path repo = dir.resolve("repo");
        for (RapportService service : RapportService.values()) {
            Files.createDirectories(repo.resolve(service.jar()).getParent());
            Files.createFile(repo.resolve(service.jar()));
        }
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(PortCheck.LOOPBACK, 0));
            LaunchSettings settings = onFreePorts().withRepoRoot(repo).withDataDir(dir.resolve("data"))
                    .withPort(PortName.MONGO, holder.getLocalPort());

            LaunchException failure = catchThrowableOfType(LaunchException.class, () -> EmbeddedSystem.start(settings));

            assertThat(failure.exitCode()).isEqualTo(2);
            assertThat(failure.getMessage()).isEqualTo("Port " + holder.getLocalPort() + " (mongo) is already in use. "
                    + "Stop what uses it, or pick another: --mongo-port=N or RAPPORT_MONGO_PORT=N");
            assertThat(dir.resolve("data")).doesNotExist();
        }
    }

    private static LaunchSettings onFreePorts() {
        LaunchSettings settings = LaunchSettings.defaults().withReadyTimeout(Duration.ofSeconds(90));
        Iterator<Integer> ports = new ArrayList<>(FreePorts.take(PortName.values().length)).iterator();
        for (PortName name : PortName.values()) {
            settings = settings.withPort(name, ports.next());
        }
        return settings;
    }
}
