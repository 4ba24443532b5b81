package io.rapport.contacts.mailbox.config;

import io.rapport.platform.secrets.SealedSecrets;
import io.rapport.contacts.contacts.ContactBook;
import io.rapport.contacts.mailbox.AccessTokens;
import io.rapport.contacts.mailbox.IdleLeases;
import io.rapport.contacts.mailbox.InboxIdleWatch;
import io.rapport.contacts.mailbox.MailboxDesk;
import io.rapport.contacts.mailbox.MailboxReader;
import io.rapport.contacts.mailbox.MailboxWatch;
import io.rapport.contacts.mailbox.Mailboxes;
import io.rapport.contacts.mailbox.mail.ImapInboxIdler;
import io.rapport.contacts.mailbox.mail.ImapMailboxReader;
import io.rapport.contacts.mailbox.mail.OAuth2TokenEndpoint;
import java.net.URI;
import java.net.URISyntaxException;
import io.rapport.platform.work.BackgroundWorker;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
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
 * OAuth2 (SASL XOAUTH2, for providers that allow no passwords), under {@code rapport.mailbox.oauth2}: {@code token-uri}
 * (the provider's token endpoint; https, or http on loopback with allow-local-servers) and {@code client-id} (this
 * instance's OAuth2 client, registered with the provider) turn it on, both or neither; {@code client-secret} (blank
 * for a public client), {@code scope} (sent with each refresh when set; Microsoft requires it) and
 * {@code client-authentication} ({@code post}: id and secret in the form, the default; {@code basic}: HTTP Basic).
 * Without them, connecting with OAuth2 is refused (400 naming {@code auth}).
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

    /** The token endpoint when OAuth2 is configured, else {@link AccessTokens#NONE} (OAuth2 connections refused). */
    @Bean
    AccessTokens mailboxAccessTokens(@Value("${rapport.mailbox.oauth2.token-uri:}") String tokenUri,
            @Value("${rapport.mailbox.oauth2.client-id:}") String clientId,
            @Value("${rapport.mailbox.oauth2.client-secret:}") String clientSecret,
            @Value("${rapport.mailbox.oauth2.scope:}") String scope,
            @Value("${rapport.mailbox.oauth2.client-authentication:post}") String authentication,
            @Value("${rapport.mailbox.timeout:20s}") Duration timeout,
            @Value("${rapport.mailbox.allow-local-servers:false}") boolean allowLocal, Clock clock) {
        OAuth2TokenEndpoint.Client client = oauth2Client(tokenUri, clientId, clientSecret, scope, authentication,
                allowLocal);
        return client == null ? AccessTokens.NONE : new OAuth2TokenEndpoint(client, timeout, clock);
    }

    /** Null when OAuth2 is off; a half or wrong configuration stops the start with the setting to fix. */
    static OAuth2TokenEndpoint.Client oauth2Client(String tokenUri, String clientId, String clientSecret, String scope,
            String authentication, boolean allowLocal) {
        boolean uri = tokenUri != null && !tokenUri.isBlank();
        boolean id = clientId != null && !clientId.isBlank();
        if (!uri && !id) {
            return null;
        }
        if (!uri || !id) {
            throw new IllegalStateException("rapport.mailbox.oauth2." + (uri ? "client-id" : "token-uri")
                    + " is not set: OAuth2 for mailboxes takes both the token endpoint and the client id (or neither)");
        }
        URI endpoint;
        try {
            endpoint = new URI(tokenUri.strip());
        } catch (URISyntaxException wrong) {
            throw new IllegalStateException("rapport.mailbox.oauth2.token-uri is not a URI: " + wrong.getMessage());
        }
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        boolean plainAllowed = allowLocal && "http".equals(scheme);
        if (endpoint.getHost() == null || !("https".equals(scheme) || plainAllowed)) {
            // the client secret and the members' refresh tokens go there
            throw new IllegalStateException("rapport.mailbox.oauth2.token-uri must be an https URL (http only with"
                    + " rapport.mailbox.allow-local-servers, for tests): " + endpoint);
        }
        OAuth2TokenEndpoint.ClientAuthentication how = switch (authentication.strip().toLowerCase(Locale.ROOT)) {
            case "post" -> OAuth2TokenEndpoint.ClientAuthentication.POST;
            case "basic" -> OAuth2TokenEndpoint.ClientAuthentication.BASIC;
            default -> throw new IllegalStateException(
                    "rapport.mailbox.oauth2.client-authentication must be post or basic, not " + authentication);
        };
        return new OAuth2TokenEndpoint.Client(endpoint, clientId.strip(), clientSecret == null ? "" : clientSecret.strip(),
                scope == null ? "" : scope.strip(), how);
    }

    @Bean
    MailboxWatch mailboxWatch(Mailboxes mailboxes, MailboxReader reader, SealedSecrets cipher, AccessTokens tokens,
            ContactBook contacts,
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
        return new MailboxWatch(mailboxes, reader, cipher, tokens, contacts, workers, threads,
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
            MailboxDesk desk, AccessTokens tokens, @Value("${rapport.mailbox.idle-connections:200}") int connections,
            @Value("${rapport.mailbox.idle-check:1m}") Duration check,
            @Value("${rapport.mailbox.idle-reissue:10m}") Duration reissue,
            @Value("${rapport.mailbox.timeout:20s}") Duration timeout,
            @Value("${rapport.mailbox.allow-local-servers:false}") boolean allowLocal, Clock clock) {
        InboxIdleWatch idle = new InboxIdleWatch(leases, new ImapInboxIdler(timeout, reissue, allowLocal),
                mailboxPoller::wake, "idle-" + UUID.randomUUID(), new InboxIdleWatch.Settings(connections, check,
                        reissue, check.multipliedBy(3), Duration.ofMinutes(5), Duration.ofDays(1)), clock);
        watch.idleWith(idle);
        desk.whenAMailboxIsReplaced(mailboxId -> {
            idle.stop(mailboxId);
            tokens.forget(mailboxId); // its access token is not kept past the connection
        });
        return idle;
    }

    @Bean
    MailboxDesk mailboxDesk(Mailboxes mailboxes, SealedSecrets cipher, BackgroundWorker mailboxPoller,
            AccessTokens tokens, @Value("${rapport.mailbox.allow-local-servers:false}") boolean allowLocal,
            Clock clock) {
        return new MailboxDesk(mailboxes, cipher, mailboxPoller::wake, allowLocal, tokens != AccessTokens.NONE, clock);
    }
}
