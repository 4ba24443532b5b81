package io.rapport.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.test.ApiClient;
import io.rapport.platform.domain.Member;
import io.rapport.test.ServiceIntegrationTest;
import io.rapport.test.TestEvents;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Operators scale a service by running more instances against the same Kafka and MongoDB: the
 * instances share the work through one consumer group, and every event is applied once.
 *
 * <p>One consumer per instance here: with three per instance (the default) the first instance already owns one
 * partition per consumer, and the cooperative-sticky assignor rightly moves nothing to a newcomer that would only
 * even out an empty difference — instances times consumers must not exceed the partitions (deploy/'s rules check
 * the same), so the second instance would idle.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "spring.kafka.listener.concurrency=1")
class TwoInstancesIT {

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Value("${spring.mongodb.uri}")
    String mongoUri;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void twoInstancesShareThePartitionsAndApplyEveryEventOnce() {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(SchedulingApplication.class)
                .run("--server.port=0", "--rapport.identity.secret=" + ApiClient.IDENTITY_SECRET,
                        "--spring.kafka.bootstrap-servers=" + kafka, "--spring.mongodb.uri=" + mongoUri,
                        "--spring.kafka.listener.concurrency=1", "--logging.structured.format.console=")) {
            KafkaListenerEndpointRegistry secondListeners = second.getBean(KafkaListenerEndpointRegistry.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> assigned(listeners) > 0 && assigned(secondListeners) > 0
                    && assigned(listeners) + assigned(secondListeners) == 3);

            String tenant = "uni-" + UUID.randomUUID();
            int members = 12;
            int contactsEach = 10;
            for (int m = 0; m < members; m++) {
                Member member = new Member("member-" + m, tenant);
                for (int c = 0; c < contactsEach; c++) {
                    String id = tenant + "-" + m + "-" + c;
                    producer.send(TestEvents.record(ContactReadModelIT.added(id, "Contact " + c, "Acme"), member, "event-" + id));
                    // Every event delivered twice, as after a relay crash between ack and bookkeeping.
                    producer.send(TestEvents.record(ContactReadModelIT.added(id, "Contact " + c, "Acme"), member, "event-" + id));
                }
            }
            producer.flush();

            Query ofTenant = Query.query(Criteria.where("tenantId").is(tenant));
            await().atMost(Duration.ofSeconds(60)).until(() -> mongo.count(ofTenant, "known_contacts") == members * contactsEach);
            assertThat(mongo.find(ofTenant, Document.class, "known_contacts"))
                    .allSatisfy(contact -> assertThat(contact.getInteger("revision")).isEqualTo(1));
        }
    }

    private static int assigned(KafkaListenerEndpointRegistry registry) {
        return registry.getListenerContainers().stream()
                .mapToInt(container -> container.getAssignedPartitions() == null ? 0 : container.getAssignedPartitions().size())
                .sum();
    }
}
