package io.rapport.insights;

import io.rapport.test.ServiceIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole service with real Kafka and MongoDB. All ITs share one context. The figures' refresh never looks on its own
 * here (an hour between looks): figures follow the events within 100 ms only because an applied event wakes it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceIntegrationTest
@TestPropertySource(properties = {"rapport.insights.figures-interval=100ms", "rapport.insights.figures-look-interval=1h"})
public @interface InsightsServiceTest {
}
