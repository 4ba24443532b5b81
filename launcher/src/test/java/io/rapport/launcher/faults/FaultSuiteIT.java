package io.rapport.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fault suite's short form, as {@code ./rapport faults --short} runs it (without the build, which Maven has just
 * done): the whole system started, a few members driven through the gateway, one fault of each kind (the broker
 * killed and held down, a service killed, the store restarted, the gateway killed, a service frozen), then every
 * effect checked against the ledger. In a JVM of its own, because reminders-service must inherit the address of the
 * suite's SMTP server in its environment, which a test JVM cannot give its children.
 */
class FaultSuiteIT {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    @Timeout(value = 14, unit = TimeUnit.MINUTES) // a first start after a build on a loaded 2-core machine takes minutes
    void nothingIsLostOrDoubledAndEveryFaultIsRecoveredFrom() throws Exception {
        Path dataDir = REPO.resolve("launcher/target/faults-it-data");
        Path log = Files.createDirectories(REPO.resolve("launcher/target")).resolve("faults-it.log");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx384m", "-XX:+UseSerialGC",
                "-cp", "launcher/target/classes" + java.io.File.pathSeparator + "launcher/target/lib/*",
                FaultSuite.class.getName(), "--short", "--data-dir=" + dataDir)
                .directory(REPO.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPRING_MAIL_HOST", "127.0.0.1");
        builder.environment().put("SPRING_MAIL_PORT", Integer.toString(freePort()));
        Process suite = builder.start();
        boolean ended;
        try {
            ended = suite.waitFor(13, TimeUnit.MINUTES);
        } finally {
            if (suite.isAlive()) {
                suite.destroy(); // its shutdown hook stops every process it started
                if (!suite.waitFor(90, TimeUnit.SECONDS)) {
                    suite.destroyForcibly();
                }
            }
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output.lines().filter(line -> !line.startsWith("{")).reduce("", (a, b) -> a + b + "\n"));

        assertThat(ended).as("the suite ended within 13 minutes; its output is in " + log).isTrue();
        assertThat(output).contains("In all: 0 lost, 0 doubled");
        for (String fault : List.of("kafka kill -9", "reminders-service kill -9", "mongo restart", "gateway kill -9",
                "notes-service SIGSTOP")) {
            assertThat(output.lines().filter(line -> line.startsWith(fault + " ")).findFirst())
                    .as("a report row for " + fault).hasValueSatisfying(row -> assertThat(row)
                            .doesNotContain("not recovered").matches(".*\\| +0 \\| +0 \\| .*"));
        }
        assertThat(output).contains("restarting in 1 s", "Stopped everything it started");
        assertThat(suite.exitValue()).as("exit status; output in " + log).isZero();
        try (var pids = Files.list(dataDir.resolve("pids"))) {
            assertThat(pids.filter(f -> f.toString().endsWith(".pid")).toList()).as("no process left running").isEmpty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
