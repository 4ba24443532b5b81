package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** contacts-service gets a key to seal mailbox passwords with in every run of the embedded default. */
class MailboxKeyTest {

    @Test
    void theGivenKeyIsPassedOnElseEachRunHasANewRandomOneOf32Bytes() {
        String given = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(ServiceProcess.mailboxKey(Map.of("RAPPORT_MAILBOX_KEY", given))).isEqualTo(given);

        String first = ServiceProcess.mailboxKey(Map.of());
        String second = ServiceProcess.mailboxKey(Map.of("RAPPORT_MAILBOX_KEY", " "));
        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(Base64.getDecoder().decode(second)).hasSize(32);
        assertThat(first).isNotEqualTo(second);
    }
}
