package io.rapport.reminders.reminders.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.Outbox;
import io.rapport.reminders.EmbeddedStore;
import io.rapport.reminders.reminders.DeliveryChannel;
import io.rapport.reminders.reminders.DeliveryEngine;
import io.rapport.reminders.reminders.Reminder;
import io.rapport.reminders.reminders.ReminderRule;
import io.rapport.test.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * 100,000 reminders falling due in the same minute, delivered by several claimers (as several
 * service instances would) against one MongoDB: how long until all are delivered, and none twice.
 * Run: {@code ./mvnw -B -o verify -pl reminders-service -Dbenchmark=true -Dtest=DeliveryBenchmark}.
 * The MongoDB here is mongo-java-server in memory (the machine has no MongoDB); figures in README.md.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class DeliveryBenchmark {

    private static final int REMINDERS = Integer.getInteger("benchmark.reminders", 100_000);
    private static final int CLAIMERS = Integer.getInteger("benchmark.claimers", 2);
    private static final int BATCH = Integer.getInteger("benchmark.batch", 2000);
    private static final int MEMBERS = 1000;

    @Test
    @Timeout(600)
    void remindersFallingDueInTheSameMinuteAreAllDeliveredOnce() throws Exception {
        Instant minute = Instant.parse("2026-03-02T09:00:00Z");
        TestClock clock = new TestClock(minute);
        try (EmbeddedStore store = new EmbeddedStore(clock)) {
            long loading = System.nanoTime();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < REMINDERS; i++) {
                Member member = new Member("member-" + (i % MEMBERS), "bench");
                batch.add(MongoReminders.toDocument(Reminder.planned(member, ReminderRule.ACTION_ITEM, "item-" + i,
                        null, null, "Action item " + i, minute.plusMillis(i % 60_000), null)));
                if (batch.size() == 5000) {
                    store.mongo.insert(batch, MongoReminders.COLLECTION);
                    batch.clear();
                }
            }
            store.mongo.insert(batch, MongoReminders.COLLECTION);
            System.out.printf("loaded %,d reminders in %,d ms%n", REMINDERS, (System.nanoTime() - loading) / 1_000_000);

            clock.set(minute.plusSeconds(60));
            AtomicIntegerArray deliveries = new AtomicIntegerArray(REMINDERS);
            DeliveryChannel counting = (reminder, prefs, late) ->
                    deliveries.incrementAndGet(Integer.parseInt(reminder.subjectId().substring("item-".length())));
            ExecutorService instances = Executors.newFixedThreadPool(CLAIMERS);
            long start = System.nanoTime();
            List<Future<Integer>> work = new ArrayList<>();
            for (int c = 0; c < CLAIMERS; c++) {
                DeliveryEngine engine = new DeliveryEngine(store.reminders, store.preferences, List.of(counting), clock,
                        "instance-" + c, new DeliveryEngine.Settings(Duration.ofSeconds(60), Duration.ofMinutes(5), BATCH, 100));
                work.add(instances.submit(() -> {
                    int claimed = 0;
                    for (int round; (round = engine.deliverDue()) > 0; ) {
                        claimed += round;
                    }
                    return claimed;
                }));
            }
            List<Integer> perInstance = new ArrayList<>();
            for (Future<Integer> each : work) {
                perInstance.add(each.get());
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            instances.shutdown();

            System.out.printf("delivered %,d reminders with %d claimers (batch %d) in %,d ms = %,.0f/s; per claimer %s%n",
                    REMINDERS, CLAIMERS, BATCH, millis, REMINDERS * 1000.0 / millis, perInstance);
            for (int i = 0; i < REMINDERS; i++) {
                assertThat(deliveries.get(i)).as("deliveries of reminder %d", i).isEqualTo(1);
            }
            assertThat(store.mongo.count(Query.query(Criteria.where("status").is("DELIVERED")), MongoReminders.COLLECTION))
                    .isEqualTo(REMINDERS);
            assertThat(store.mongo.count(Query.query(Criteria.where(Outbox.FIELD).size(1)), MongoReminders.COLLECTION))
                    .as("one ReminderDue waiting in each outbox").isEqualTo(REMINDERS);
        }
    }
}
