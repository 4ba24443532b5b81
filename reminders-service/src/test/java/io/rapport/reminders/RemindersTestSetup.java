package io.rapport.reminders;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.rapport.test.TestClock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** A real SMTP server in the test JVM and a hand-moved clock for the service under test. */
@TestConfiguration(proxyBeanMethods = false)
public class RemindersTestSetup {

    public static final Instant START = Instant.parse("2026-03-02T06:00:00Z");

    @Bean
    TestClock testClock() {
        return new TestClock(START);
    }

    @Bean(destroyMethod = "stop")
    GreenMail greenMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    @Bean
    DynamicPropertyRegistrar smtpServer(GreenMail greenMail) {
        return registry -> {
            registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
        };
    }
}
