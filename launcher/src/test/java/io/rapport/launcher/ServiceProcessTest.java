package io.rapport.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command lines are the contract with the services' embedded profile, so they are pinned down here. */
class ServiceProcessTest {

    private final LaunchSettings defaults = LaunchSettings.defaults();

    /** A restart is raised only where nothing else serves meanwhile (CpuPriority): never one of a pair. */
    @Test
    void aRestartIsRaisedOnlyForTheOnlyInstanceOfItsService() {
        DataFolder folder = new DataFolder(Path.of("target", "service-process-test"));
        LaunchSettings two = defaults.withInstances(2);

        assertThat(new ServiceProcess(RapportService.CONTACTS, defaults, folder, "s").raisedWhenRestarted()).isTrue();
        assertThat(new ServiceProcess(RapportService.CONTACTS, two, folder, "s").raisedWhenRestarted()).isFalse();
        assertThat(new ServiceProcess(RapportService.CONTACTS, two, folder, "s").another(1, two, "s").raisedWhenRestarted())
                .isFalse();
        assertThat(new ServiceProcess(RapportService.GATEWAY, two, folder, "s").raisedWhenRestarted())
                .as("one gateway however many instances of the services").isTrue();
    }

    @Test
    void onlyARestartedGatewayKeepsItsRaiseForAWhileOnceReady() {
        DataFolder folder = new DataFolder(Path.of("target", "service-process-test"));

        assertThat(new ServiceProcess(RapportService.GATEWAY, defaults, folder, "s").raisedAfterReady())
                .isEqualTo(java.time.Duration.ofSeconds(20));
        assertThat(new ServiceProcess(RapportService.CONTACTS, defaults, folder, "s").raisedAfterReady()).isZero();
    }

    @Test
    void aServiceIsWiredToItsOwnDatabaseAndTheBroker() {
        assertThat(ServiceProcess.arguments(RapportService.SCHEDULING, defaults.ports())).containsExactly(
                "--server.port=8082",
                "--server.address=127.0.0.1",
                "--spring.mongodb.uri=mongodb://127.0.0.1:27018/rapport-scheduling",
                "--spring.kafka.bootstrap-servers=127.0.0.1:9092",
                "--spring.profiles.active=embedded");
    }

    @Test
    void theGatewayIsWiredToEveryService() {
        List<String> arguments = ServiceProcess.arguments(RapportService.GATEWAY,
                defaults.withPort(PortName.NOTES, 9183).withPort(PortName.GATEWAY, 9180).ports());

        assertThat(arguments).containsExactly(
                "--server.port=9180",
                "--server.address=127.0.0.1",
                "--spring.profiles.active=embedded",
                "--rapport.services.contacts-uri=http://127.0.0.1:8081",
                "--rapport.services.scheduling-uri=http://127.0.0.1:8082",
                "--rapport.services.notes-uri=http://127.0.0.1:9183",
                "--rapport.services.reminders-uri=http://127.0.0.1:8084",
                "--rapport.services.insights-uri=http://127.0.0.1:8085",
                "--rapport.gateway.jwt.issuer-uri=http://127.0.0.1:8089");
    }

    @Test
    void theSignInProviderAndTheWebAppKnowEachOtherAndTheGateway() {
        Map<PortName, Integer> ports = defaults.withPort(PortName.AUTH, 9189).withPort(PortName.WEB, 9188).ports();

        assertThat(ServiceProcess.arguments(RapportService.AUTH_SERVER, ports)).containsExactly(
                "--server.port=9189",
                "--server.address=127.0.0.1",
                "--spring.profiles.active=embedded",
                "--rapport.auth.issuer=http://127.0.0.1:9189",
                "--rapport.auth.web-app=http://127.0.0.1:9188");
        assertThat(ServiceProcess.arguments(RapportService.WEB_APP, ports)).containsExactly(
                "--server.port=9188",
                "--server.address=127.0.0.1",
                "--rapport.web.gateway-uri=http://127.0.0.1:8080",
                "--rapport.web.issuer-uri=http://127.0.0.1:9189");
    }

    @Test
    void eachRunHasItsOwnIdentitySecretUnlessOneIsGiven() {
        String first = ServiceProcess.identitySecret(Map.of());
        String second = ServiceProcess.identitySecret(Map.of());
        String given = "a-secret-given-by-the-environment-0123456789";

        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(second);
        assertThat(ServiceProcess.identitySecret(Map.of("RAPPORT_IDENTITY_SECRET", given))).isEqualTo(given);
        assertThatThrownBy(() -> ServiceProcess.identitySecret(Map.of("RAPPORT_IDENTITY_SECRET", "short")))
                .isInstanceOf(LaunchException.class).hasMessageContaining("at least 32 bytes");
    }

    @Test
    void theSecretGoesToTheChildsEnvironmentNeverItsCommandLine() throws Exception {
        Path folder = Files.createTempDirectory("service-process-env");
        String secret = "secret-for-the-environment-test-0123456789";
        ChildProcess child = ChildProcess.start("env-check",
                List.of("sh", "-c", "echo \"the child has ${#RAPPORT_IDENTITY_SECRET} characters of secret\""),
                Map.of("RAPPORT_IDENTITY_SECRET", secret), folder.resolve("env-check.log"), null);
        child.process().waitFor();

        assertThat(Files.readString(folder.resolve("env-check.log")))
                .contains("the child has " + secret.length() + " characters of secret")
                .as("the log records the command line, never the secret").doesNotContain(secret);
    }

    @Test
    void servicesAreFoundByAnyOfTheirNames() {
        assertThat(RapportService.named("notes-service")).isEqualTo(RapportService.NOTES);
        assertThat(RapportService.named("notes")).isEqualTo(RapportService.NOTES);
        assertThat(RapportService.named("GATEWAY")).isEqualTo(RapportService.GATEWAY);
        assertThat(RapportService.CONTACTS.jar()).hasToString("contacts-service/target/contacts-service.jar");
    }

    @Test
    void withTwoInstancesTheSecondHasItsOwnPortAndTheGatewayBalancesOverBothWithHealthChecks() {
        assertThat(ServiceProcess.arguments(RapportService.NOTES, defaults.ports(), 1, 2)).startsWith(
                "--server.port=8183", "--server.address=127.0.0.1",
                "--spring.mongodb.uri=mongodb://127.0.0.1:27018/rapport-notes")
                .contains("--rapport.outbox.lease=8s");

        List<String> gateway = ServiceProcess.arguments(RapportService.GATEWAY, defaults.ports(), 0, 2);

        assertThat(gateway).contains("--server.port=8080",
                "--rapport.services.notes-uri=lb://notes-service",
                "--spring.cloud.discovery.client.simple.instances.notes-service[0].uri=http://127.0.0.1:8083",
                "--spring.cloud.discovery.client.simple.instances.notes-service[1].uri=http://127.0.0.1:8183",
                "--spring.cloud.loadbalancer.enabled=true",
                "--spring.cloud.loadbalancer.configurations=health-check");
        assertThat(ServiceProcess.arguments(RapportService.GATEWAY, defaults.ports(), 0, 1))
                .as("one instance: the command line as before")
                .isEqualTo(ServiceProcess.arguments(RapportService.GATEWAY, defaults.ports()))
                .noneMatch(argument -> argument.contains("loadbalancer") || argument.contains("lb://"));
    }
}
