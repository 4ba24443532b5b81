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

    @Test
    void oauth2IsOnWithATokenEndpointAndAClientIdAndAHalfOrPlainConfigurationStopsTheStart() {
        assertThat(MailboxConfiguration.oauth2Client("", " ", "", "", "post", false)).as("off").isNull();
        assertThat(MailboxConfiguration.oauth2Client("https://oauth2.example/token", "client", "", "", "basic", false))
                .satisfies(client -> {
                    assertThat(client.tokenUri()).hasToString("https://oauth2.example/token");
                    assertThat(client.authentication()).isEqualTo(
                            io.rapport.contacts.mailbox.mail.OAuth2TokenEndpoint.ClientAuthentication.BASIC);
                });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MailboxConfiguration.oauth2Client(
                "https://oauth2.example/token", "", "secret", "", "post", false))
                .hasMessageContaining("rapport.mailbox.oauth2.client-id is not set");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MailboxConfiguration.oauth2Client(
                "http://oauth2.example/token", "client", "secret", "", "post", false))
                .as("the client secret and refresh tokens never cross in clear")
                .hasMessageContaining("rapport.mailbox.oauth2.token-uri must be an https URL");
        assertThat(MailboxConfiguration.oauth2Client("http://127.0.0.1:8080/token", "client", "", "", "post", true))
                .as("a test endpoint on loopback").isNotNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MailboxConfiguration.oauth2Client(
                "https://oauth2.example/token", "client", "", "", "header", false))
                .hasMessageContaining("client-authentication must be post or basic");
    }
}
