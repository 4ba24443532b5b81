package io.rapport.reminders.reminders.mail;

import io.rapport.reminders.reminders.Mailer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Reminder e-mails over SMTP (Spring Mail). */
public class SmtpMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

    /**
     * Jakarta Mail 2.1 finds its stream provider anew, through a {@code ServiceLoader} scan of the class path's jars,
     * for every header it encodes and every body it writes (jakartaee/mail-api#861): a quarter of the reminder
     * delivery thread's CPU samples while 30,000 reminders fell due (JFR). Named, it is loaded by name; a name that
     * does not load falls back to the scan, so this can only make it faster.
     */
    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null) {
            System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
        }
    }

    private final JavaMailSender sender;
    private final String from;

    public SmtpMailer(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(String to, String subject, String body) {
        sender.send(message(new Mail(to, subject, body)));
    }

    /**
     * One SMTP connection for all of them (Spring Mail sends an array over one transport; a single send opens and
     * closes its own). Spring reports the messages the server refused; when it could not even connect, none went.
     */
    @Override
    public Set<Integer> sendAll(List<Mail> mails) {
        SimpleMailMessage[] messages = mails.stream().map(this::message).toArray(SimpleMailMessage[]::new);
        try {
            sender.send(messages);
            return Set.of();
        } catch (MailSendException e) {
            log.warn("{} of {} e-mails not sent", e.getFailedMessages().isEmpty() ? mails.size()
                    : e.getFailedMessages().size(), mails.size(), e);
            if (e.getFailedMessages().isEmpty()) {
                return all(mails);
            }
            // Failed messages are keyed by the message, and equal messages by the first of them: every copy counts
            // as failed (sent again rather than lost).
            Set<Integer> failed = new HashSet<>();
            for (int i = 0; i < messages.length; i++) {
                if (e.getFailedMessages().containsKey(messages[i])) {
                    failed.add(i);
                }
            }
            return failed;
        } catch (MailException e) {
            log.warn("None of {} e-mails sent", mails.size(), e);
            return all(mails);
        }
    }

    private static Set<Integer> all(List<Mail> mails) {
        return IntStream.range(0, mails.size()).boxed().collect(Collectors.toSet());
    }

    private SimpleMailMessage message(Mail mail) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(mail.to());
        message.setSubject(mail.subject());
        message.setText(mail.body());
        return message;
    }
}
