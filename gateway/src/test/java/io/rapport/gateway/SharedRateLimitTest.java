package io.rapport.gateway;

import static io.rapport.gateway.GatewayCalls.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.error.OsArchitectureNotFound;
import redis.embedded.error.UnknownOSName;

/**
 * With Redis configured, the per-member limit holds across gateway instances: a member cannot
 * double their budget by being balanced over two gateways. Runs a real redis-server: the installed
 * one (Debian's package, which CI installs), or else the binary that the embedded-redis jar ships
 * for this operating system and processor.
 */
class SharedRateLimitTest {

    private static Process redis;
    private static int redisPort;
    private static final List<ConfigurableApplicationContext> gateways = new ArrayList<>();

    @BeforeAll
    static void startRedis() throws Exception {
        String binary = redisServer();
        System.out.println("redis-server: " + binary);
        try (ServerSocket socket = new ServerSocket(0)) {
            redisPort = socket.getLocalPort();
        }
        Path dir = Files.createDirectories(Path.of("target", "redis-" + redisPort));
        redis = new ProcessBuilder(binary, "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            try (Socket ignored = new Socket("127.0.0.1", redisPort)) {
                return true;
            }
        });
    }

    /**
     * The installed redis-server, else the one in the embedded-redis jar; the test is skipped, saying
     * why, without either. {@code -Drapport.test.redis-server=shipped} takes the jar's even where one is
     * installed, as on a machine with only a JDK.
     */
    private static String redisServer() throws IOException {
        boolean shippedOnly = "shipped".equals(System.getProperty("rapport.test.redis-server"));
        Optional<String> installed = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !shippedOnly)
                .filter(dir -> !dir.isBlank())
                .map(dir -> new File(dir, "redis-server"))
                .filter(File::canExecute).map(File::getAbsolutePath).findFirst();
        if (installed.isPresent()) {
            return installed.get();
        }
        try {
            return ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
        } catch (OsArchitectureNotFound | UnknownOSName e) {
            return Assumptions.abort("no redis-server on the PATH and the embedded-redis jar has none for "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ": install redis-server");
        }
    }

    @AfterAll
    static void stopAll() throws Exception {
        gateways.forEach(ConfigurableApplicationContext::close);
        if (redis != null) {
            redis.destroy();
            redis.waitFor();
        }
    }

    @Test
    void twoGatewaysShareOneBudgetPerMember() throws Exception {
        int first = startGateway();
        int second = startGateway();
        String member = TestIdentityProvider.member("balanced-member", "uni-a");

        long started = System.nanoTime();
        int allowed = 0;
        int status = 200;
        for (int i = 0; i < 12 && status == 200; i++) {
            status = get(i % 2 == 0 ? first : second, "/api/contacts", member).statusCode();
            allowed += status == 200 ? 1 : 0;
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        assertThat(status).isEqualTo(429);
        // Two separate budgets would let 2 x 3 through before the first 429; one shared budget lets
        // the burst of 3 through, plus about one per second that passed (Redis counts whole seconds).
        assertThat(allowed).isBetween(3, 4 + (int) seconds);
        assertThat(get(second, "/api/contacts", TestIdentityProvider.member("another-member", "uni-a")).statusCode())
                .isEqualTo(200);
    }

    private static int startGateway() {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--rapport.gateway.rate-limit.store=redis",
                "--rapport.gateway.rate-limit.per-second=1",
                "--rapport.gateway.rate-limit.burst=3",
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + redisPort,
                "--management.health.redis.enabled=true",
                "--rapport.gateway.jwt.jwk-set-uri=" + TestIdentityProvider.jwkSetUri(),
                "--rapport.gateway.jwt.issuer=" + TestIdentityProvider.ISSUER,
                "--rapport.identity.secret=" + StubServices.IDENTITY_SECRET));
        for (String service : new String[] {"contacts", "scheduling", "notes", "reminders", "insights"}) {
            args.add("--rapport.services." + service + "-uri=" + StubServices.uri(service));
        }
        ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .run(args.toArray(String[]::new));
        gateways.add(gateway);
        return ((WebServerApplicationContext) gateway).getWebServer().getPort();
    }
}
