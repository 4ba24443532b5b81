package io.rapport.insights;

import io.rapport.test.ServiceIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/** The whole service with real Kafka and MongoDB; figures refreshed every 100 ms. All ITs share one context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceIntegrationTest
@TestPropertySource(properties = "rapport.insights.figures-interval=100ms")
public @interface InsightsServiceTest {
}
