package io.rapport.insights.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.events.DomainEvent;
import io.rapport.events.Topics;
import io.rapport.insights.InsightsServiceTest;
import io.rapport.insights.activity.ActivityStore;
import io.rapport.insights.activity.Effect.Counter;
import io.rapport.insights.activity.MemberActivity;
import io.rapport.insights.rebuild.messaging.ReadModelRebuild;
import io.rapport.platform.domain.Member;
import io.rapport.test.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A rebuild end to end, through Kafka: one tenant's events (the same mix as {@link InsightsScaleBenchmark}) published
 * to the domain topics, applied by the running service's listener as they arrive, then every read model dropped and
 * rebuilt from offset 0 ({@link ReadModelRebuild#rebuildNow()}, what the start-up flag does). Done is when the
 * listener's committed offsets reach the end of every partition again, checked every 200 ms.
 * Run: {@code ./mvnw -B -o verify -pl insights-service -am -Dbenchmark=true -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=KafkaRebuildBenchmark} (add {@code -Dbenchmark.events=1000000}
 * for the volume; the default is 200,000). Figures in the README.
 */
@InsightsServiceTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
// the figures recomputed as in production, not every 100 ms as the other tests want (-Dfigures.busy-share=1: back to
// back while events arrive, as before the share)
@TestPropertySource(properties = {"rapport.insights.figures-interval=1s",
        "rapport.insights.figures-busy-share=${figures.busy-share:0.25}"})
class KafkaRebuildBenchmark {

    private static final int MEMBERS = Integer.getInteger("benchmark.members", 5_000);
    private static final int EVENTS = Integer.getInteger("benchmark.events", 200_000);
    private static final List<String> TOPICS = List.of(Topics.CONTACTS, Topics.SCHEDULING, Topics.NOTES, Topics.REMINDERS);
    /** Every event of the mix counts one of these exactly once. */
    private static final Set<Counter> ONE_PER_EVENT = EnumSet.of(Counter.CONTACTS, Counter.OUTREACH, Counter.REPLIES,
            Counter.INTERVIEWS_HELD, Counter.THANK_YOUS, Counter.REFERRALS, Counter.NOTES);

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Autowired
    ReadModelRebuild rebuild;

    @Autowired
    ActivityStore activity;

    @Value("${spring.kafka.consumer.group-id}")
    String group;

    @Test
    @Timeout(7200)
    void aTenantsEventsAreAppliedLiveAndThenRebuiltFromTheTopics() throws Exception {
        String tenant = "bench-" + UUID.randomUUID();
        Instant start = Instant.parse("2026-09-01T09:00:00Z");
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            long began = System.nanoTime();
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                int m = i % MEMBERS;
                int n = i / MEMBERS;
                Instant at = start.plus(Duration.ofMinutes(37L * n + m % 60));
                DomainEvent event = InsightsScaleBenchmark.event(n, m, at);
                sends.add(kafka.send(TestEvents.record(event, new Member("member-" + m, tenant),
                        UUID.randomUUID().toString(), at)));
                if (sends.size() == 10_000) {
                    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
                    sends.clear();
                }
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
            double publishSeconds = seconds(began);
            awaitCaughtUp(admin);
            double liveSeconds = seconds(began);
            assertThat(applied(tenant)).isEqualTo(EVENTS);

            long rebuilding = System.nanoTime();
            rebuild.rebuildNow();
            awaitReplayStarted(admin);
            awaitCaughtUp(admin);
            double rebuildSeconds = seconds(rebuilding);
            assertThat(applied(tenant)).as("every event applied once again").isEqualTo(EVENTS);

            System.out.printf("BENCHMARK %,d events of %,d members: published in %.1f s (%,.0f/s); applied as they "
                            + "arrived in %.1f s from the first send (%,.0f events/s); rebuilt from offset 0 in %.1f s "
                            + "(%,.0f events/s)%n", EVENTS, MEMBERS, publishSeconds, EVENTS / publishSeconds, liveSeconds,
                    EVENTS / liveSeconds, rebuildSeconds, EVENTS / rebuildSeconds);
        }
    }

    private long applied(String tenant) {
        long applied = 0;
        for (MemberActivity member : activity.tenant(tenant)) {
            for (Counter counter : ONE_PER_EVENT) {
                applied += member.count(counter);
            }
        }
        return applied;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Until the listener has committed the end of every partition of the four topics. */
    private void awaitCaughtUp(Admin admin) throws Exception {
        while (lag(admin) > 0) {
            Thread.sleep(200);
        }
    }

    /** After the seek to 0, the first commit puts the group behind the end again. */
    private void awaitReplayStarted(Admin admin) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (lag(admin) == 0) {
            assertThat(System.nanoTime()).as("the replay began").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private long lag(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Set<TopicPartition> partitions = admin.describeTopics(TOPICS).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get().entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            lag += end.getValue().offset() - (at == null ? 0 : at.offset());
        }
        return lag;
    }
}
