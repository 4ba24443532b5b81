package io.rapport.launcher.faults;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A real SMTP server (GreenMail) that reminders-service mails: {@code ./rapport faults} points it here with
 * SPRING_MAIL_HOST and SPRING_MAIL_PORT, as {@code ./rapport bench} does for its own sink.
 */
final class MailCatcher implements AutoCloseable {

    /** One message as received: to whom, and its subject. */
    record Mail(String to, String subject) {
    }

    private final GreenMail server;

    private MailCatcher(GreenMail server) {
        this.server = server;
    }

    static MailCatcher start(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return new MailCatcher(server);
    }

    List<Mail> received() {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                Address[] to = message.getAllRecipients();
                mails.add(new Mail(to == null || to.length == 0 ? "" : to[0].toString(), message.getSubject()));
            } catch (MessagingException e) {
                mails.add(new Mail("?", "unreadable: " + e.getMessage()));
            }
        }
        return mails;
    }

    @Override
    public void close() {
        server.stop();
    }
}
