package io.rapport.reminders;

import io.rapport.test.ServiceIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole service with real Kafka and MongoDB, plus a real SMTP server (GreenMail) and a clock the
 * test moves. Every test class of this module uses it, so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceIntegrationTest
@Import(RemindersTestSetup.class)
// The mail host is a plain property because it switches Spring Mail on; GreenMail's port is only known at run time.
@TestPropertySource(properties = {"rapport.reminders.delivery.poll-interval=100ms", "spring.mail.host=127.0.0.1"})
public @interface RemindersServiceTest {
}
