package io.rapport.launcher;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class KafkaBrokerTest {

    private static final String TOPIC = "contacts.contact-events";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** A restarted broker starts raised (CpuPriority), as the launcher restarts it; skipped where raising is not allowed. */
    private static void assertRaisedWhereAllowed(KafkaBroker broker) throws java.io.IOException {
        if (CpuPriority.unavailableReason().isPresent() || !java.nio.file.Files.isDirectory(Path.of("/proc/self/task"))) {
            System.out.println("KafkaBrokerTest: priority not checked: this user may not raise one, or no /proc");
            return;
        }
        int launcher = CpuPriority.threadNiceValues(ProcessHandle.current().pid()).get(0);
        long pid = broker.process().pid();
        assertThat(CpuPriority.threadNiceValues(pid)).as("the restarted broker's threads")
                .isNotEmpty().allMatch(nice -> nice == launcher - CpuPriority.RAISE);
        java.util.Optional<Integer> baseline = CpuPriorityTest.childSessionBaseline();
        if (JavaRuntime.setsid().isPresent() && baseline.isPresent()) {
            CpuPriorityTest.assertSessionRaisedOrRefusalReported(pid, baseline.get(), broker.sessionNotRaised());
        }
    }

    @Test
    void recordsAndExistingClientsSurviveARestartOnTheSamePortAndData() throws Exception {
        List<Integer> ports = FreePorts.take(2);
        try (KafkaBroker broker = new KafkaBroker(new DataFolder(dir), ports.get(0), ports.get(1))) {
            Duration firstStart = broker.start(START_TIMEOUT);
            System.out.println("Kafka first start (with format): " + firstStart.toMillis() + " ms");
            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.logDir().resolve("meta.properties")).exists();

            try (KafkaProducer<String, String> producer = producer(broker);
                 KafkaConsumer<String, String> consumer = consumer(broker, "before-restart")) {
                producer.send(new ProducerRecord<>(TOPIC, "c-1", "before restart")).get(30, TimeUnit.SECONDS);
                consumer.subscribe(List.of(TOPIC));
                assertThat(pollUntil(consumer, 1)).containsExactly("before restart");
                consumer.commitSync();

                broker.stop();
                assertThat(broker.isRunning()).isFalse();
                Duration secondStart = broker.start(START_TIMEOUT, true);
                System.out.println("Kafka second start: " + secondStart.toMillis() + " ms");
                assertRaisedWhereAllowed(broker);

                producer.send(new ProducerRecord<>(TOPIC, "c-2", "after restart")).get(60, TimeUnit.SECONDS);
                assertThat(pollUntil(consumer, 1)).containsExactly("after restart");
            }

            try (KafkaConsumer<String, String> fresh = consumer(broker, "after-restart")) {
                fresh.subscribe(List.of(TOPIC));
                assertThat(pollUntil(fresh, 2)).containsExactlyInAnyOrder("before restart", "after restart");
            }
        }
        assertThat(Files.readString(dir.resolve("logs/kafka.log"))).contains("===== kafka starting at");
    }

    /** The fault suite's broker outage: SIGKILL, no controlled shutdown, and what was acknowledged is there after. */
    @Test
    void aKilledBrokerDiesAtOnceAndKeepsWhatItAcknowledged() throws Exception {
        List<Integer> ports = FreePorts.take(2);
        try (KafkaBroker broker = new KafkaBroker(new DataFolder(dir), ports.get(0), ports.get(1))) {
            broker.start(START_TIMEOUT);
            try (KafkaProducer<String, String> producer = producer(broker)) {
                producer.send(new ProducerRecord<>(TOPIC, "c-1", "acknowledged")).get(30, TimeUnit.SECONDS);
            }

            broker.stop();
            Duration afterStop = broker.start(START_TIMEOUT);

            broker.kill();

            assertThat(broker.isRunning()).isFalse();
            assertThat(broker.process().exitValue()).as("SIGKILL").isEqualTo(137);
            assertThat(broker.process().stopRequested()).as("asked for, so not restarted by a supervisor").isTrue();
            Duration afterKill = broker.start(START_TIMEOUT);
            System.out.println("Kafka start after a clean stop: " + afterStop.toMillis() + " ms, after kill -9: "
                    + afterKill.toMillis() + " ms");
            // The controller refuses the new incarnation until the killed one's session expires (it was 9 s).
            assertThat(afterKill.minus(afterStop)).as("waiting out the dead broker's session")
                    .isLessThan(Duration.ofSeconds(6));
            try (KafkaConsumer<String, String> consumer = consumer(broker, "after-kill")) {
                consumer.subscribe(List.of(TOPIC));
                assertThat(pollUntil(consumer, 1)).containsExactly("acknowledged");
            }
        }
    }

    @Test
    void aBrokerThatCannotStartIsReportedWithTheEndOfItsLog() throws Exception {
        List<Integer> ports = FreePorts.take(2);
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(PortCheck.LOOPBACK, ports.get(0)));
            try (KafkaBroker broker = new KafkaBroker(new DataFolder(dir), ports.get(0), ports.get(1))) {
                LaunchException failure = catchThrowableOfType(LaunchException.class, () -> broker.start(START_TIMEOUT));

                assertThat(failure.exitCode()).isEqualTo(1);
                assertThat(failure.getMessage()).startsWith("Kafka exited during start-up").contains("Last 30 lines of");
                assertThat(broker.isRunning()).isFalse();
            }
        }
    }

    private static KafkaProducer<String, String> producer(KafkaBroker broker) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500),
                new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(KafkaBroker broker, String group) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500),
                new StringDeserializer(), new StringDeserializer());
    }

    private static List<String> pollUntil(KafkaConsumer<String, String> consumer, int count) {
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (values.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                values.add(record.value());
            }
        }
        return values;
    }
}
