package io.rapport.contacts.mailbox.config;

import io.rapport.platform.secrets.SealedSecrets;
import io.rapport.contacts.contacts.ContactBook;
import io.rapport.contacts.mailbox.IdleLeases;
import io.rapport.contacts.mailbox.InboxIdleWatch;
import io.rapport.contacts.mailbox.MailboxDesk;
import io.rapport.contacts.mailbox.MailboxReader;
import io.rapport.contacts.mailbox.MailboxWatch;
import io.rapport.contacts.mailbox.Mailboxes;
import io.rapport.contacts.mailbox.mail.ImapInboxIdler;
import io.rapport.contacts.mailbox.mail.ImapMailboxReader;
import io.rapport.platform.work.BackgroundWorker;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
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
 * IMAP IDLE: {@code idle-connections} (mailboxes this instance holds IDLE on at most, default 200; 0 turns IDLE off),
 * {@code idle-poll-interval} (between looks at a mailbox under IDLE, the safety net; default 15m),
 * {@code idle-reissue} (IDLE sent anew, under the servers' 29 minutes; default 10m), {@code idle-check} (leases
 * renewed and ended mailboxes found; default 1m).
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
            @Value("${rapport.mailbox.timeout:20s}") Duration timeout,
            @Value("${rapport.mailbox.idle-poll-interval:15m}") Duration idleInterval, Clock clock) {
        AtomicInteger count = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "mailbox-look-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // A claim holds a mailbox for two timeouts per folder and some slack: longer than any one look.
        Duration lease = timeout.multipliedBy(5).plus(Duration.ofSeconds(30));
        return new MailboxWatch(mailboxes, reader, cipher, contacts, workers, threads,
                new MailboxWatch.Settings(interval, batch, maxMessages, lease, idleInterval), clock);
    }

    @Bean
    BackgroundWorker mailboxPoller(MailboxWatch watch, @Value("${rapport.mailbox.tick:5s}") Duration tick) {
        BackgroundWorker poller = new BackgroundWorker("mailbox-watch", watch::checkDue,
                new BackgroundWorker.Pacing(tick, Duration.ofMinutes(1)), () -> { });
        watch.whenALookEnds(poller::wake);
        return poller;
    }

    /**
     * IDLE on at most {@code idle-connections} mailboxes: each holds a TCP connection and a signed-in session for as
     * long as it lasts, and servers limit connections per account and per client address; the rest are polled.
     */
    @Bean
    InboxIdleWatch inboxIdleWatch(IdleLeases leases, MailboxWatch watch, BackgroundWorker mailboxPoller,
            MailboxDesk desk, @Value("${rapport.mailbox.idle-connections:200}") int connections,
            @Value("${rapport.mailbox.idle-check:1m}") Duration check,
            @Value("${rapport.mailbox.idle-reissue:10m}") Duration reissue,
            @Value("${rapport.mailbox.timeout:20s}") Duration timeout,
            @Value("${rapport.mailbox.allow-local-servers:false}") boolean allowLocal, Clock clock) {
        InboxIdleWatch idle = new InboxIdleWatch(leases, new ImapInboxIdler(timeout, reissue, allowLocal),
                mailboxPoller::wake, "idle-" + UUID.randomUUID(), new InboxIdleWatch.Settings(connections, check,
                        reissue, check.multipliedBy(3), Duration.ofMinutes(5), Duration.ofDays(1)), clock);
        watch.idleWith(idle);
        desk.whenAMailboxIsReplaced(idle::stop);
        return idle;
    }

    @Bean
    MailboxDesk mailboxDesk(Mailboxes mailboxes, SealedSecrets cipher, BackgroundWorker mailboxPoller,
            @Value("${rapport.mailbox.allow-local-servers:false}") boolean allowLocal, Clock clock) {
        return new MailboxDesk(mailboxes, cipher, mailboxPoller::wake, allowLocal, clock);
    }
}
