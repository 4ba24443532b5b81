package io.rapport.contacts.mailbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.secrets.SealedSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Whether the mailbox feature is on follows the key: docker-compose passes an unset variable as a blank value. */
class MailboxConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(MailboxConfiguration.class);

    @Test
    void aBlankKeyLeavesTheFeatureOffAndTheServiceStarting() {
        context.withPropertyValues("rapport.mailbox.key=").run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started).doesNotHaveBean(SealedSecrets.class);
        });
        context.withPropertyValues("rapport.mailbox.key=   ").run(started -> assertThat(started).hasNotFailed()
                .doesNotHaveBean(SealedSecrets.class));
        context.run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(SealedSecrets.class));
    }

    @Test
    void aKeyTurnsTheFeatureOn() {
        // The configuration needs the service's stores to finish starting; here it is enough that it was taken up.
        context.withPropertyValues("rapport.mailbox.key=" + java.util.Base64.getEncoder().encodeToString(new byte[32]))
                .run(started -> assertThat(started.getStartupFailure()).isNotNull()
                        .hasStackTraceContaining("defined in " + MailboxConfiguration.class.getName()));
    }
}
