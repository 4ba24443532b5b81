package io.rapport.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rapport.events.InterviewScheduled;
import io.rapport.events.Topics;
import io.rapport.platform.domain.Member;
import io.rapport.test.ApiClient;
import io.rapport.test.ServiceIntegrationTest;
import io.rapport.test.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The Kafka client settings a running service really uses (DEVELOPERS.md, "Kafka client settings"), read back from
 * the service's own client factories and, where the broker knows them, from the broker: the group's assignor and the
 * producer ids an idempotent producer registers.
 */
@ServiceIntegrationTest
class KafkaClientSettingsIT {

    private static final String GROUP = "contacts-service";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    @Autowired
    ConsumerFactory<?, ?> consumers;

    @Autowired
    MeterRegistry meters;

    private Admin admin;

    @BeforeEach
    void setUp() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka));
    }

    @AfterEach
    void tearDown() {
        admin.close();
    }

    @Test
    void theEventProducerIsIdempotentWithAcksAllAndTheBrokerKnowsItsProducerId() throws Exception {
        Map<String, Object> config = producer.getProducerFactory().getConfigurationProperties();
        assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);

        Member member = new Member("producer-check", "uni-" + UUID.randomUUID());
        ApiClient.at("http://127.0.0.1:" + port).as(member.memberId(), member.tenantId())
                .post("/api/contacts", "{\"name\": \"Published By The Relay\"}");

        // Only an idempotent producer has a producer id the partition leader keeps state for.
        List<TopicPartition> partitions = List.of(0, 1, 2).stream().map(p -> new TopicPartition(Topics.CONTACTS, p)).toList();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ProducerState> producers = new ArrayList<>();
            for (var described : admin.describeProducers(partitions).all().get(10, TimeUnit.SECONDS).values()) {
                producers.addAll(described.activeProducers());
            }
            assertThat(producers).isNotEmpty().allSatisfy(state -> assertThat(state.producerId()).isNotNegative());
        });
    }

    @Test
    void theConsumerGroupRebalancesCooperativelyAndItsPollsAreBounded() throws Exception {
        assertThat(consumers.getConfigurationProperties())
                .containsEntry(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName())
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100)
                .containsEntry(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, "300000")
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all()
                    .get(10, TimeUnit.SECONDS).get(GROUP);
            assertThat(group.groupState()).isEqualTo(GroupState.STABLE);
            assertThat(group.partitionAssignor()).as("the assignor the broker chose for the running group")
                    .isEqualTo("cooperative-sticky");
        });
    }

    /**
     * Another consumer of the group takes the scheduling partitions in a rebalance, receives a batch and leaves
     * without committing it (as an instance killed mid-batch would, seen from the group); every event is also
     * delivered twice. The partitions come back to the service, which reads the batch again from the last committed
     * offset: every event is applied, and once. The service's own scheduling consumers step out while the intruder
     * joins: with one consumer per partition already, a sticky assignor would give a fourth member nothing.
     */
    @Test
    void aBatchInFlightDuringARebalanceIsNeitherLostNorAppliedTwiceAndTheSlowestHandlerFitsAPoll() {
        int count = 30;
        List<Member> members = new ArrayList<>();
        List<String> contactIds = new ArrayList<>();
        String tenant = "uni-" + UUID.randomUUID();
        for (int i = 0; i < count; i++) {
            Member member = new Member("rebalance-" + i, tenant);
            members.add(member);
            contactIds.add(api(member).post("/api/contacts", "{\"name\": \"Contact " + i + "\"}").text("id"));
        }

        List<ConsumerRecord<String, byte[]>> inFlight = new ArrayList<>();
        List<MessageListenerContainer> scheduling = listeners.getListenerContainers().stream()
                .filter(container -> List.of(container.getContainerProperties().getTopics()).contains(Topics.SCHEDULING))
                .toList();
        assertThat(scheduling).as("the service's listener of rapport.scheduling").isNotEmpty();
        scheduling.forEach(MessageListenerContainer::stop);
        try (KafkaConsumer<String, byte[]> intruder = groupMember()) {
            intruder.subscribe(List.of(Topics.SCHEDULING));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                intruder.poll(Duration.ofMillis(200)).forEach(inFlight::add);
                return !intruder.assignment().isEmpty();
            });
            for (int i = 0; i < count; i++) {
                ProducerRecord<String, byte[]> scheduled = TestEvents.record(new InterviewScheduled("i-" + i,
                        contactIds.get(i), Instant.now().plusSeconds(86_400), 30, null, "UTC", "UTC"), members.get(i));
                producer.send(scheduled).join();
                producer.send(scheduled).join();
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                intruder.poll(Duration.ofMillis(200)).forEach(inFlight::add);
                return !inFlight.isEmpty();
            });
        } finally { // closed without a commit: its partitions go back to the service's consumers
            scheduling.forEach(MessageListenerContainer::start);
        }
        assertThat(inFlight).as("the intruder took a batch away from the service").isNotEmpty();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (int i = 0; i < count; i++) {
                var contact = api(members.get(i)).get("/api/contacts/" + contactIds.get(i)).json();
                assertThat(contact.path("stage").asString()).as("contact " + i).isEqualTo("SCHEDULED");
            }
        });
        for (int i = 0; i < count; i++) {
            assertThat(api(members.get(i)).get("/api/contacts/" + contactIds.get(i)).json().path("version").asLong())
                    .as("contact %d: added, then scheduled once", i).isEqualTo(2);
        }

        // How we know max.poll.interval.ms is above the slowest handler: the slowest one measured here, times a
        // full poll, plus one failing attempt (Mongo's 30 s server selection) and its longest back-off.
        Collection<Timer> handlers = meters.find("spring.kafka.listener").timers();
        assertThat(handlers).as("spring-kafka times every listener").isNotEmpty();
        double slowestMillis = handlers.stream().mapToDouble(timer -> timer.max(TimeUnit.MILLISECONDS)).max().orElseThrow();
        System.out.printf("Slowest listener call measured: %.1f ms over %d calls%n", slowestMillis,
                handlers.stream().mapToLong(Timer::count).sum());
        assertThat(slowestMillis * 100 + 30_000 + 2_000).isLessThan(300_000);
    }

    private KafkaConsumer<String, byte[]> groupMember() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private ApiClient api(Member member) {
        return ApiClient.at("http://127.0.0.1:" + port).as(member.memberId(), member.tenantId());
    }
}
