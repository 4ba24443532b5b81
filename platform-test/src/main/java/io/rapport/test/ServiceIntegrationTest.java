package io.rapport.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * One integration-test setup for every service: the whole service on a random port, against a real
 * Kafka broker and a MongoDB server (embedded, or containers where Docker runs). Test classes that
 * use it share one application context per service. A test fails if the store had to read a whole
 * collection to answer any query meanwhile ({@link NoCollectionScans}). What a request asks of the store is
 * recorded by {@link StoreCommands}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rapport.events.retry.initial-interval=50ms", "rapport.outbox.poll-interval=50ms",
                "rapport.identity.secret=" + ApiClient.IDENTITY_SECRET,
                // every scrape reads the dead-letter topics' offsets, so a test sees a parked record at once
                "rapport.metrics.dead-letter-refresh=0s"})
@Import({RapportTestBackends.class, StoreCommands.Recorder.class})
@ExtendWith({ContainersNeedDocker.class, NoCollectionScans.class})
public @interface ServiceIntegrationTest {
}
