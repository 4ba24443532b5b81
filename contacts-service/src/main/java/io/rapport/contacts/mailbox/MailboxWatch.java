package io.rapport.contacts.mailbox;

import io.rapport.platform.secrets.SealedSecrets;
import io.rapport.contacts.contacts.Contact;
import io.rapport.contacts.contacts.ContactBook;
import io.rapport.contacts.contacts.OutreachStatus;
import io.rapport.events.OutreachSuggested;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Looks into due mailboxes in bounded batches: claims up to {@code batch} connected mailboxes whose time has come
 * (paused and disconnected ones are never looked at), reads each one's new message headers, records the replies
 * of the member's contacts and suggests logging outreach the member sent, then stores how far it read, when to
 * look next and how it went. A look waits mostly on the mail server, so many run side by side on {@code workers},
 * one per slot; a round claims only as many mailboxes as there are free slots.
 */
public class MailboxWatch implements AutoCloseable {

    /** Before any outreach is waiting, a first look still reads the last two weeks, for outreach to suggest. */
    static final Duration FIRST_LOOK_BACK = Duration.ofDays(14);
    private static final System.Logger LOG = System.getLogger(MailboxWatch.class.getName());

    /** @param idleInterval between looks at a mailbox this instance holds IMAP IDLE on (the safety net) */
    public record Settings(Duration interval, int batch, int maxMessages, Duration lease, Duration idleInterval) {
    }

    private final Mailboxes mailboxes;
    private final MailboxReader reader;
    private final SealedSecrets cipher;
    private final AccessTokens tokens;
    private final ContactBook contacts;
    private final ExecutorService workers;
    private final Settings settings;
    private final Clock clock;
    /** One per look in flight: the looks of an instance are bounded by its threads. */
    private final Semaphore slots;
    private volatile Runnable lookEnded = () -> { };
    /** Null when this instance holds no IDLE connections. */
    private volatile InboxIdleWatch idle;

    /** Without OAuth2: only mailboxes that sign in with a password are read. */
    public MailboxWatch(Mailboxes mailboxes, MailboxReader reader, SealedSecrets cipher, ContactBook contacts,
            ExecutorService workers, int threads, Settings settings, Clock clock) {
        this(mailboxes, reader, cipher, AccessTokens.NONE, contacts, workers, threads, settings, clock);
    }

    /**
     * @param tokens access tokens for the mailboxes that sign in with OAuth2
     * @param threads how many looks run side by side on {@code workers}
     */
    public MailboxWatch(Mailboxes mailboxes, MailboxReader reader, SealedSecrets cipher, AccessTokens tokens,
            ContactBook contacts, ExecutorService workers, int threads, Settings settings, Clock clock) {
        this.mailboxes = mailboxes;
        this.reader = reader;
        this.cipher = cipher;
        this.tokens = tokens;
        this.contacts = contacts;
        this.workers = workers;
        this.settings = settings;
        this.clock = clock;
        this.slots = new Semaphore(threads);
    }

    /** Offers IMAP IDLE to mailboxes after a good look (see {@link InboxIdleWatch}). */
    public void idleWith(InboxIdleWatch idleWatch) {
        this.idle = idleWatch;
    }

    /** Called when a look ends and frees its slot (the poller's wake-up), so the next due mailbox need not wait. */
    public void whenALookEnds(Runnable callback) {
        this.lookEnded = callback;
    }

    /**
     * One round: claims as many due mailboxes as there are free slots (at most a batch) and starts a look at each;
     * the looks run on {@code workers}, each in its slot, and a slow server holds only its own slot.
     *
     * @return true when every slot offered was filled (more may be due), false when none was free or less was due
     */
    public boolean checkDue() {
        int free = Math.min(settings.batch(), slots.availablePermits());
        if (free == 0) {
            return false;
        }
        Instant now = clock.instant();
        List<Mailbox> claimed = mailboxes.claimDue(now, now.plus(settings.lease()), free);
        for (Mailbox mailbox : claimed) {
            slots.acquireUninterruptibly(); // only this thread takes slots: one is free for each claimed mailbox
            try {
                workers.execute(() -> {
                    try {
                        check(mailbox);
                    } catch (RuntimeException storeFailed) {
                        LOG.log(System.Logger.Level.WARNING, "Mailbox {0} not looked at, retried when its claim runs out: {1}",
                                mailbox.id(), storeFailed.toString());
                    } finally {
                        slots.release();
                        lookEnded.run();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                slots.release(); // the lease runs out and the mailbox is claimed again
            }
        }
        return claimed.size() == free;
    }

    /** Stops the looks in flight (their leases run out; another instance or the next start takes them up). */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    /**
     * Looks at one claimed mailbox and stores the outcome, unless the member changed the mailbox meanwhile. A failure
     * of this service's own store is left to the lease: it runs out and the mailbox is claimed again.
     */
    void check(Mailbox mailbox) {
        Member owner = mailbox.owner();
        Instant started = clock.instant();
        Change<Mailbox> outcome;
        InboxIdleWatch idling = idle;
        MailboxServer signIn = null;
        SignIn secrets = null;
        try {
            secrets = new SignIn(mailbox, cipher.open(owner, mailbox.sealedPassword()));
            MailboxServer server = secrets.server();
            Instant since = firstLookSince(mailbox, started);
            MailboxReading reading;
            try {
                reading = reader.read(server, mailbox.inbox(), mailbox.sent(), since, settings.maxMessages());
            } catch (MailboxReadFailure refused) {
                if (!secrets.mayRetryWithAFreshToken(refused)) {
                    throw refused;
                }
                // the kept access token was refused before its time (revoked, or ended early by the provider)
                server = secrets.freshServer();
                reading = reader.read(server, mailbox.inbox(), mailbox.sent(), since, settings.maxMessages());
            }
            List<OutreachSuggested> suggestions = apply(owner, mailbox.server().user(), reading);
            boolean watched = idling != null && idling.isWatching(mailbox.id());
            outcome = mailbox.checked(reading, suggestions, clock.instant(),
                    watched ? settings.idleInterval() : settings.interval());
            signIn = server;
        } catch (MailboxReadFailure failure) {
            outcome = mailbox.failed(failure.kind(), failure.getMessage(), clock.instant(), settings.interval());
        } catch (SealedSecrets.UnopenableSecretException unreadable) {
            outcome = mailbox.unreadable("The stored mailbox password cannot be read with this server's key; connect the"
                    + " mailbox again.", clock.instant());
        }
        if (secrets != null && secrets.rotated != null) {
            outcome = new Change<>(outcome.state().withSealedPassword(secrets.rotated), outcome.events());
        }
        boolean stored = mailboxes.saveAt(outcome, mailbox.version());
        if (idling != null) {
            if (outcome.state().state() != MailboxState.CONNECTED) {
                idling.stop(mailbox.id());
            } else if (stored && signIn != null) {
                idling.offer(outcome.state(), signIn);
            }
        }
    }

    /**
     * The secret one look signs in with: the password as unsealed, or for OAuth2 an access token for the unsealed
     * refresh token; a refresh token the endpoint issued in its place is kept sealed in {@code rotated}.
     */
    private final class SignIn {
        private final Mailbox mailbox;
        private String secret;
        private boolean fresh;
        /** The new refresh token, sealed, when the endpoint rotated it; null when it did not. */
        private String rotated;

        SignIn(Mailbox mailbox, String unsealed) {
            this.mailbox = mailbox;
            this.secret = unsealed;
        }

        MailboxServer server() {
            if (!mailbox.server().oauth2()) {
                return mailbox.server().withPassword(secret);
            }
            AccessTokens.Grant grant = tokens.accessFor(mailbox.id(), secret);
            fresh = grant.fresh();
            if (grant.newRefreshToken() != null && !grant.newRefreshToken().equals(secret)) {
                secret = grant.newRefreshToken();
                rotated = cipher.seal(mailbox.owner(), secret);
            }
            return mailbox.server().withPassword(grant.accessToken());
        }

        boolean mayRetryWithAFreshToken(MailboxReadFailure refused) {
            return refused.kind() == MailboxReadFailure.Kind.AUTHENTICATION && mailbox.server().oauth2() && !fresh;
        }

        MailboxServer freshServer() {
            tokens.forget(mailbox.id());
            return server();
        }
    }

    /** Replies are recorded on the contacts as they are found; suggestions go out with the mailbox's own write. */
    private List<OutreachSuggested> apply(Member owner, String user, MailboxReading reading) {
        String own = user == null ? "" : user.toLowerCase(Locale.ROOT);
        Map<String, Optional<Contact>> known = new HashMap<>();
        Function<String, Optional<Contact>> byEmail = address -> known.computeIfAbsent(address,
                email -> contacts.byEmail(owner, email));
        Instant now = clock.instant();
        for (MailHeader received : reading.received()) {
            MessageMatcher.reply(received, own, byEmail, now).ifPresent(reply -> {
                contacts.replySeenInMailbox(reply.messageKey(), owner, reply.contact().id(), reply.at());
                known.clear(); // the contact changed: read it again if another message names it
            });
        }
        List<OutreachSuggested> suggestions = new ArrayList<>();
        for (MailHeader sent : reading.sent()) {
            for (MessageMatcher.Suggestion suggestion : MessageMatcher.suggestions(sent, own, byEmail, now)) {
                suggestions.add(new OutreachSuggested(suggestion.messageKey(), suggestion.contact().id(),
                        suggestion.contact().details().employer(), suggestion.at()));
            }
        }
        return suggestions;
    }

    /**
     * Where a folder never read starts: for the inbox, at the earliest outreach still waiting for an answer (a reply
     * may have come before the mailbox was connected), or two weeks back when that is earlier or none waits; for the
     * Sent folder (also one that appears later, or a mailbox without one: looked up at every look), two weeks back.
     * So the member's contacts are read once per connection, not at every look.
     */
    private Instant firstLookSince(Mailbox mailbox, Instant now) {
        Instant since = now.minus(FIRST_LOOK_BACK);
        if (mailbox.inbox() != null) {
            return since;
        }
        for (Contact contact : contacts.all(mailbox.owner())) {
            for (var attempt : contact.outreach()) {
                if ((attempt.status() == OutreachStatus.SENT || attempt.status() == OutreachStatus.NO_RESPONSE)
                        && attempt.sentAt().isBefore(since)) {
                    since = attempt.sentAt();
                }
            }
        }
        return since;
    }
}
