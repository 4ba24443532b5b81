package io.rapport.test;

import de.bwaldvogel.mongo.MongoServer;
import io.rapport.store.FullScans;
import io.rapport.store.IndexedH2Backend;
import java.net.InetSocketAddress;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The backing services of an integration test: a real Kafka broker and a MongoDB wire server in
 * this JVM, or, with {@code -Drapport.test.backend=containers}, the real {@code mongo:8} and
 * {@code apache/kafka} images. The tests are the same either way.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RapportTestBackends {

    public static final String BACKEND = "rapport.test.backend";

    @TestConfiguration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = BACKEND, havingValue = "embedded", matchIfMissing = true)
    static class Embedded {

        @Bean(destroyMethod = "destroy")
        EmbeddedKafkaBroker embeddedKafka() {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
            broker.afterPropertiesSet();
            return broker;
        }

        /** The embedded default's store, in memory: the same index choices, so the same costs. */
        @Bean
        IndexedH2Backend embeddedStore() {
            return IndexedH2Backend.inMemory();
        }

        @Bean(destroyMethod = "shutdownNow")
        MongoServer embeddedMongo(IndexedH2Backend store) {
            MongoServer server = new MongoServer(store);
            server.bind("127.0.0.1", 0);
            return server;
        }

        /** Queries the store had to answer by reading a whole collection (see StoreScans). */
        @Bean
        FullScans fullScans(IndexedH2Backend store) {
            return store.fullScans();
        }

        @Bean
        DynamicPropertyRegistrar embeddedBackends(EmbeddedKafkaBroker kafka, MongoServer mongo, Environment env) {
            return registry -> {
                registry.add("spring.kafka.bootstrap-servers", kafka::getBrokersAsString);
                InetSocketAddress address = mongo.getLocalAddress();
                registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + address.getPort() + "/"
                        + env.getProperty("rapport.service-name", "rapport") + "-test");
            };
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = BACKEND, havingValue = "containers")
    static class Containers {

        @Bean
        @ServiceConnection
        MongoDBContainer mongoContainer() {
            return new MongoDBContainer("mongo:8");
        }

        @Bean
        @ServiceConnection
        KafkaContainer kafkaContainer() {
            return new KafkaContainer("apache/kafka:4.1.1");
        }
    }
}
