package io.rapport.contacts.mailbox.config;

import io.rapport.platform.secrets.SealedSecrets;
import io.rapport.contacts.contacts.ContactBook;
import io.rapport.contacts.mailbox.MailboxDesk;
import io.rapport.contacts.mailbox.MailboxReader;
import io.rapport.contacts.mailbox.MailboxWatch;
import io.rapport.contacts.mailbox.Mailboxes;
import io.rapport.contacts.mailbox.mail.ImapMailboxReader;
import io.rapport.platform.work.BackgroundWorker;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mailbox feature, on when {@code rapport.mailbox.key} is set and not blank (the key that seals the credentials;
 * without it the API answers 503 and nothing is watched; blank counts as unset, as docker-compose passes an unset
 * variable). Settings, all under {@code rapport.mailbox}:
 * {@code poll-interval} (how often each connected mailbox is looked at, default 2m), {@code tick} (how often due
 * mailboxes are looked for, default 5s), {@code batch} (mailboxes claimed per round at most, default 100), {@code threads}
 * (looks side by side, default 32: a look mostly waits on the server), {@code max-messages} (headers per folder per look, default 200), {@code timeout}
 * (connect and read, default 20s), {@code allow-local-servers} (mail servers on local or private addresses, and IMAP without TLS; default false:
 * tests and development only).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${rapport.mailbox.key:}'.isBlank()")
class MailboxConfiguration {

    @Bean
    SealedSecrets mailboxPasswords(@Value("${rapport.mailbox.key}") String key) {
        return SealedSecrets.withKey("rapport.mailbox.key", key);
    }

    @Bean
    MailboxReader mailboxReader(@Value("${rapport.mailbox.timeout:20s}") Duration timeout,
            @Value("${rapport.mailbox.allow-local-servers:false}") boolean allowLocal) {
        return new ImapMailboxReader(timeout, allowLocal);
    }

    @Bean
    MailboxWatch mailboxWatch(Mailboxes mailboxes, MailboxReader reader, SealedSecrets cipher, ContactBook contacts,
            @Value("${rapport.mailbox.poll-interval:2m}") Duration interval,
            @Value("${rapport.mailbox.batch:100}") int batch,
            @Value("${rapport.mailbox.threads:32}") int threads,
            @Value("${rapport.mailbox.max-messages:200}") int maxMessages,
            @Value("${rapport.mailbox.timeout:20s}") Duration timeout, Clock clock) {
        AtomicInteger count = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "mailbox-look-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // A claim holds a mailbox for two timeouts per folder and some slack: longer than any one look.
        Duration lease = timeout.multipliedBy(5).plus(Duration.ofSeconds(30));
        return new MailboxWatch(mailboxes, reader, cipher, contacts, workers, threads,
                new MailboxWatch.Settings(interval, batch, maxMessages, lease), clock);
    }

    @Bean
    BackgroundWorker mailboxPoller(MailboxWatch watch, @Value("${rapport.mailbox.tick:5s}") Duration tick) {
        BackgroundWorker poller = new BackgroundWorker("mailbox-watch", watch::checkDue,
                new BackgroundWorker.Pacing(tick, Duration.ofMinutes(1)), () -> { });
        watch.whenALookEnds(poller::wake);
        return poller;
    }

    @Bean
    MailboxDesk mailboxDesk(Mailboxes mailboxes, SealedSecrets cipher, BackgroundWorker mailboxPoller,
            @Value("${rapport.mailbox.allow-local-servers:false}") boolean allowLocal, Clock clock) {
        return new MailboxDesk(mailboxes, cipher, mailboxPoller::wake, allowLocal, clock);
    }
}
