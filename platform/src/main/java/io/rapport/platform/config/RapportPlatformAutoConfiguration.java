package io.rapport.platform.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.rapport.events.Producer;
import io.rapport.events.Topics;
import io.rapport.platform.correlation.Correlation;
import io.rapport.platform.domain.Erasures;
import io.rapport.platform.health.KafkaHealthIndicator;
import io.rapport.platform.health.MongoPingHealthIndicator;
import io.rapport.platform.messaging.CloudEventHeaders;
import io.rapport.platform.messaging.CloudEvents;
import io.rapport.platform.messaging.DeadLetterRecords;
import io.rapport.platform.messaging.ErasedMemberEvents;
import io.rapport.platform.messaging.MalformedEventException;
import io.rapport.platform.messaging.Outbox;
import io.rapport.platform.messaging.OutboxAge;
import io.rapport.platform.messaging.OutboxRelay;
import io.rapport.platform.persistence.Leases;
import io.rapport.platform.persistence.MongoErasures;
import io.rapport.platform.web.ApiDocumentation;
import io.rapport.platform.web.CorrelationFilter;
import io.rapport.platform.web.CurrentMemberResolver;
import io.rapport.platform.web.IdentityTokens;
import io.rapport.platform.web.MemberFromHeadersFilter;
import io.rapport.platform.web.ProblemResponses;
import io.rapport.platform.web.ProblemWriter;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.adapter.RecordFilterStrategy;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.micrometer.KafkaTemplateObservation;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/** The platform every service gets by depending on it: events out and in, identity, problems, health. */
@AutoConfiguration
@EnableConfigurationProperties(RapportProperties.class)
@PropertySource("classpath:rapport-platform-defaults.properties")
public class RapportPlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * JSON numbers are read as sent: 1.5 is not a whole number and "2" is not a number, so either
     * is a 400 naming the field instead of a silent 1 or 2.
     */
    @Bean
    JsonMapperBuilderCustomizer strictJsonScalars() {
        return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Integer, integers -> integers
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, floats -> floats
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, booleans -> booleans
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }

    // --- events out: outbox and relay ---

    @Bean
    KafkaTemplate<String, byte[]> eventKafkaTemplate(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Fail fast while Kafka is away: the events wait in the outbox, not in the producer.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> eventKafkaTemplate,
            RapportProperties properties, Clock clock, MeterRegistry meters,
            ObjectProvider<ObservationRegistry> observations) {
        RapportProperties.Outbox outbox = properties.outbox();
        return new OutboxRelay(mongo, observedSends(eventKafkaTemplate, observations),
                new Leases(mongo, OutboxRelay.LEASES_COLLECTION, clock), instanceName(properties), clock,
                outbox.collections(), new OutboxRelay.Settings(outbox.pollInterval(), outbox.batchSize(),
                        Duration.ofSeconds(20), Duration.ofSeconds(5), outbox.lease()),
                meters);
    }

    /**
     * The relay's sends, on the same producer, observed: a producer span per record, child of the trace the relay
     * resumes from the pending event, written into the record's {@code traceparent}. Only the relay's: an observed
     * send rewrites the record's headers, so a record sent a second time (a test replaying one) would be refused.
     */
    private static KafkaTemplate<String, byte[]> observedSends(KafkaTemplate<String, byte[]> template,
            ObjectProvider<ObservationRegistry> observations) {
        KafkaTemplate<String, byte[]> observed = new KafkaTemplate<>(template.getProducerFactory());
        observed.setObservationEnabled(true);
        observed.setObservationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        // Its own metric name: the plain template (dead letters) meters its sends as spring.kafka.template with other
        // tags, and Prometheus keeps only the first of two meters sharing a name, so one of them was silently lost.
        observed.setObservationConvention(new KafkaTemplateObservation.DefaultKafkaTemplateObservationConvention() {
            @Override
            public String getName() {
                return "rapport.outbox.send";
            }
        });
        return observed;
    }

    @Bean
    Outbox outbox(RapportProperties properties, Clock clock, OutboxRelay relay) {
        return new Outbox(Producer.forService(properties.serviceName()), clock, relay::wake);
    }

    // --- what operators watch (Prometheus): outbox age, dead letters ---

    @Bean
    OutboxAge outboxAge(MongoTemplate mongo, RapportProperties properties, Clock clock) {
        return new OutboxAge(mongo, properties.outbox().collections(), clock);
    }

    @Bean
    DeadLetterRecords deadLetterRecords(KafkaAdmin admin, RapportProperties properties, Clock clock,
            @Value("${rapport.metrics.dead-letter-refresh:30s}") Duration refresh) {
        return new DeadLetterRecords(admin.getConfigurationProperties(), properties.events().consumes(), refresh, clock);
    }

    // --- events in: topics, retries, dead letters, correlation ---

    /**
     * An idle consumer costs one fetch per {@value #IDLE_FETCH_MILLIS} ms instead of two a second: with
     * {@code fetch.min.bytes=1} the broker answers as soon as a record arrives, so the wait only bounds an empty
     * fetch and a long one adds no latency. A service's own setting wins.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer idleConsumersFetchRarely() {
        return factory -> {
            if (!factory.getConfigurationProperties().containsKey(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)) {
                factory.updateConfigs(Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, IDLE_FETCH_MILLIS));
            }
        };
    }

    static final int IDLE_FETCH_MILLIS = 5_000;

    /**
     * Domain topics keep their whole history (retention.ms -1, not the broker's 7 days), so a read model such as
     * insights-service's can be rebuilt from the beginning. Dead-letter topics keep the broker's default.
     */
    static final String KEEP_FOREVER = "-1";

    @Bean
    KafkaAdmin.NewTopics rapportTopics(RapportProperties properties) {
        int partitions = properties.events().partitions();
        List<NewTopic> topics = new ArrayList<>();
        topics.add(TopicBuilder.name(Producer.forService(properties.serviceName()).topic()).partitions(partitions)
                .config(TopicConfig.RETENTION_MS_CONFIG, KEEP_FOREVER).build());
        for (String consumed : properties.events().consumes()) {
            topics.add(TopicBuilder.name(consumed).partitions(partitions)
                    .config(TopicConfig.RETENTION_MS_CONFIG, KEEP_FOREVER).build());
            topics.add(TopicBuilder.name(Topics.deadLetter(consumed)).partitions(partitions).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * Blocking retries with back-off (so a member's events keep their order), then the record goes
     * to {@code <topic>.DLT} with the failure in its headers and the consumer moves on.
     */
    @Bean
    CommonErrorHandler rapportErrorHandler(KafkaTemplate<String, byte[]> eventKafkaTemplate,
            RapportProperties properties) {
        RapportProperties.Retry retry = properties.events().retry();
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(eventKafkaTemplate,
                (record, failure) -> new org.apache.kafka.common.TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.attempts() - 1);
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        // Retry the failed record from the records already polled rather than seeking back and fetching it again:
        // the refetch waited behind the consumer's fetch in flight, up to fetch.max.wait (5 s) per attempt, so a
        // record that failed a few times reached its dead-letter topic half a minute late (DeadLetterRedriveIT).
        handler.setSeekAfterError(false);
        return handler;
    }

    /** Per member, when their data was erased: every service checks it before applying an event. */
    @Bean
    @ConditionalOnMissingBean
    Erasures erasures(MongoTemplate mongo) {
        return new MongoErasures(mongo);
    }

    /** Spring Boot gives it to every listener container: events from before a member's erasure never reach a listener. */
    @Bean
    RecordFilterStrategy<Object, Object> erasedMemberEvents(Erasures erasures) {
        return new ErasedMemberEvents(erasures);
    }

    @Bean
    RecordInterceptor<Object, Object> correlationFromEnvelope() {
        return new RecordInterceptor<>() {
            @Override
            public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                    Consumer<Object, Object> consumer) {
                Correlation.set(CloudEvents.header(record.headers(), CloudEventHeaders.CORRELATION));
                return record;
            }

            @Override
            public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
                Correlation.clear();
            }
        };
    }

    // --- health ---

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin.getConfigurationProperties());
    }

    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    private static String instanceName(RapportProperties properties) {
        return properties.serviceName() + "@" + ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Identity, correlation and problem responses for the HTTP API. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        @Bean
        @ConditionalOnMissingBean
        io.swagger.v3.oas.models.OpenAPI rapportOpenApi(RapportProperties properties) {
            return ApiDocumentation.openApi(properties.serviceName());
        }

        @Bean
        org.springdoc.core.customizers.OpenApiCustomizer rapportErrorResponses() {
            return ApiDocumentation.errorResponses();
        }

        @Bean
        ProblemWriter problemWriter(JsonMapper json) {
            return new ProblemWriter(json);
        }

        @Bean
        ProblemResponses problemResponses() {
            return new ProblemResponses();
        }

        @Bean
        FilterRegistrationBean<CorrelationFilter> correlationFilter() {
            FilterRegistrationBean<CorrelationFilter> registration = new FilterRegistrationBean<>(new CorrelationFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }

        /** Fails the start when {@code rapport.identity.secret} is missing or short: no service runs open. */
        @Bean
        IdentityTokens identityTokens(RapportProperties properties) {
            return new IdentityTokens(properties.identity().secret());
        }

        @Bean
        FilterRegistrationBean<MemberFromHeadersFilter> memberFromHeadersFilter(IdentityTokens tokens, ProblemWriter problems) {
            FilterRegistrationBean<MemberFromHeadersFilter> registration =
                    new FilterRegistrationBean<>(new MemberFromHeadersFilter(tokens, problems));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }

        @Bean
        WebMvcConfigurer currentMemberArguments() {
            return new WebMvcConfigurer() {
                @Override
                public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                    resolvers.add(new CurrentMemberResolver());
                }
            };
        }
    }
}
