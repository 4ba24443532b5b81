package io.rapport.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.test.ApiClient;
import io.rapport.events.Topics;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.CloudEventHeaders;
import io.rapport.reminders.reminders.Reminder;
import io.rapport.reminders.reminders.ReminderRule;
import io.rapport.reminders.reminders.Reminders;
import io.rapport.reminders.reminders.persistence.MongoReminders;
import io.rapport.test.EventsOnTopic;
import io.rapport.test.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Operators scale the service by running more instances: both delivery loops work on the same
 * due reminders, and each reminder is delivered, and published as ReminderDue, exactly once.
 */
@RemindersServiceTest
class TwoInstancesIT {

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Value("${spring.mongodb.uri}")
    String mongoUri;

    @Autowired
    Reminders reminders;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    @Test
    void twoInstancesDeliverEveryDueReminderOnceBetweenThem() {
        // The second instance shares the test clock, as instances share real time (their outbox relay leases depend on it).
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(RemindersApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
                .run("--server.port=0", "--rapport.identity.secret=" + ApiClient.IDENTITY_SECRET,
                        "--spring.kafka.bootstrap-servers=" + kafka, "--spring.mongodb.uri=" + mongoUri,
                        "--rapport.reminders.delivery.poll-interval=100ms", "--logging.structured.format.console=")) {
            String tenant = "uni-" + UUID.randomUUID();
            int count = 2000;
            Instant due = clock.instant().minusSeconds(60);
            for (int i = 0; i < count; i++) {
                Member member = new Member("member-" + (i % 20), tenant);
                reminders.schedule(Reminder.planned(member, ReminderRule.ACTION_ITEM, "item-" + i, null, null,
                        "Action item " + i, due, null));
            }

            Query ofTenant = Query.query(Criteria.where("tenantId").is(tenant));
            await().atMost(Duration.ofSeconds(90)).until(() -> mongo.count(Query.query(
                    Criteria.where("tenantId").is(tenant).and("status").is("DELIVERED")), MongoReminders.COLLECTION) == count);
            List<Document> delivered = mongo.find(ofTenant, Document.class, MongoReminders.COLLECTION);
            assertThat(delivered.stream().map(d -> d.getString("deliveredBy")).distinct())
                    .as("both instances delivered some").hasSize(2);

            try (EventsOnTopic published = new EventsOnTopic(kafka, Topics.REMINDERS)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> ofTenant(published.readFor(Duration.ofMillis(200)), tenant).size() >= count);
                List<ConsumerRecord<String, byte[]>> events = ofTenant(published.readFor(Duration.ofSeconds(1)), tenant);
                // Kafka delivery is at least once (consumers de-duplicate on ce_id): count distinct events.
                Map<String, Set<String>> eventIdsByReminder = new HashMap<>();
                events.forEach(event -> eventIdsByReminder
                        .computeIfAbsent(EventsOnTopic.header(event, CloudEventHeaders.SUBJECT), id -> new HashSet<>())
                        .add(EventsOnTopic.header(event, CloudEventHeaders.ID)));
                assertThat(eventIdsByReminder).as("a ReminderDue for every reminder").hasSize(count);
                assertThat(eventIdsByReminder.values()).as("one ReminderDue per reminder")
                        .allSatisfy(ids -> assertThat(ids).hasSize(1));
            }
        }
    }

    private static List<ConsumerRecord<String, byte[]>> ofTenant(List<ConsumerRecord<String, byte[]>> records, String tenant) {
        return records.stream()
                .filter(r -> tenant.equals(EventsOnTopic.header(r, CloudEventHeaders.TENANT)))
                .filter(r -> "ReminderDue".equals(EventsOnTopic.header(r, CloudEventHeaders.TYPE)))
                .toList();
    }
}
