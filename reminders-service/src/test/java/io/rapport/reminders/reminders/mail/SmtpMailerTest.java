package io.rapport.reminders.reminders.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.rapport.reminders.reminders.Mailer.Mail;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Mails sent together all arrive; when the server cannot be reached, every one of them is reported unsent. */
class SmtpMailerTest {

    @Test
    void theMailStreamProviderIsNamedSoJakartaMailLoadsItWithoutScanningTheClassPathAtEveryMail() {
        new SmtpMailer(new JavaMailSenderImpl(), "reminders@rapport.local");

        // The named class loads (else Jakarta Mail would silently fall back to the scan at every mail).
        assertThat(System.getProperty(SmtpMailer.STREAM_PROVIDER_PROPERTY)).isEqualTo(SmtpMailer.ANGUS_STREAM_PROVIDER);
        assertThat(jakarta.mail.util.StreamProvider.provider().getClass().getName())
                .isEqualTo(SmtpMailer.ANGUS_STREAM_PROVIDER);
    }

    @Test
    void mailsSentTogetherAllArriveWithTheirOwnRecipientAndSubject() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            SmtpMailer mailer = new SmtpMailer(sender(smtp.getSmtp().getPort()), "reminders@rapport.local");
            List<Mail> mails = IntStream.range(0, 5)
                    .mapToObj(i -> new Mail("member" + i + "@example.com", "Rapport reminder " + i, "Body " + i)).toList();

            assertThat(mailer.sendAll(mails)).isEmpty();

            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(5);
            assertThat(received).extracting(m -> m.getAllRecipients()[0].toString() + "|" + m.getSubject())
                    .containsExactlyInAnyOrder(mails.stream().map(m -> m.to() + "|" + m.subject()).toArray(String[]::new));
        } finally {
            smtp.stop();
        }
    }

    @Test
    void noServerMeansNoneWasSent() throws Exception {
        SmtpMailer mailer = new SmtpMailer(sender(freePort()), "reminders@rapport.local");

        assertThat(mailer.sendAll(List.of(new Mail("a@example.com", "s", "b"), new Mail("b@example.com", "s", "b"))))
                .containsExactlyInAnyOrder(0, 1);
    }

    private static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return sender;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
