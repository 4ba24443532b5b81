package io.rapport.contacts.mailbox;

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
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Looks into due mailboxes in bounded batches: claims up to {@code batch} connected mailboxes whose time has come
 * (paused and disconnected ones are never looked at), reads each one's new message headers, records the replies
 * of the member's contacts and suggests logging outreach the member sent, then stores how far it read, when to
 * look next and how it went. The looks of one batch run side by side on {@code workers}.
 */
public class MailboxWatch implements AutoCloseable {

    /** Before any outreach is waiting, a first look still reads the last two weeks, for outreach to suggest. */
    static final Duration FIRST_LOOK_BACK = Duration.ofDays(14);

    public record Settings(Duration interval, int batch, int maxMessages, Duration lease) {
    }

    private final Mailboxes mailboxes;
    private final MailboxReader reader;
    private final CredentialCipher cipher;
    private final ContactBook contacts;
    private final ExecutorService workers;
    private final Settings settings;
    private final Clock clock;

    public MailboxWatch(Mailboxes mailboxes, MailboxReader reader, CredentialCipher cipher, ContactBook contacts,
            ExecutorService workers, Settings settings, Clock clock) {
        this.mailboxes = mailboxes;
        this.reader = reader;
        this.cipher = cipher;
        this.contacts = contacts;
        this.workers = workers;
        this.settings = settings;
        this.clock = clock;
    }

    /** One round: the mailboxes claimed, each looked at once. @return true when a full batch was due (more may be) */
    public boolean checkDue() {
        Instant now = clock.instant();
        List<Mailbox> claimed = mailboxes.claimDue(now, now.plus(settings.lease()), settings.batch());
        List<Future<?>> looks = new ArrayList<>(claimed.size());
        for (Mailbox mailbox : claimed) {
            looks.add(workers.submit(() -> check(mailbox)));
        }
        for (Future<?> look : looks) {
            try {
                look.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (java.util.concurrent.ExecutionException e) {
                // check() records its own failures; anything left is the store failing: the lease runs out and
                // the mailbox is claimed again.
            }
        }
        return claimed.size() == settings.batch();
    }

    /** Stops the looks in flight (their leases run out; another instance or the next start takes them up). */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** Looks at one claimed mailbox and stores the outcome, unless the member changed the mailbox meanwhile. */
    void check(Mailbox mailbox) {
        Member owner = mailbox.owner();
        Instant started = clock.instant();
        Change<Mailbox> outcome;
        try {
            String password = cipher.open(owner, mailbox.sealedPassword());
            MailboxReading reading = reader.read(mailbox.server().withPassword(password), mailbox.inbox(),
                    mailbox.sent(), firstLookSince(mailbox, started), settings.maxMessages());
            List<OutreachSuggested> suggestions = apply(owner, mailbox.server().user(), reading);
            outcome = mailbox.checked(reading, suggestions, clock.instant(), settings.interval());
        } catch (MailboxReadFailure failure) {
            outcome = mailbox.failed(failure.kind(), failure.getMessage(), clock.instant(), settings.interval());
        } catch (CredentialCipher.UnreadableCredentialsException unreadable) {
            outcome = mailbox.failed(MailboxReadFailure.Kind.AUTHENTICATION, unreadable.getMessage(), clock.instant(),
                    settings.interval());
        }
        mailboxes.saveAt(outcome, mailbox.version());
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
     * Where a folder never read starts: at the earliest outreach still waiting for an answer (a reply may have come
     * before the mailbox was connected), or two weeks back when that is earlier or none waits.
     */
    private Instant firstLookSince(Mailbox mailbox, Instant now) {
        Instant since = now.minus(FIRST_LOOK_BACK);
        if (mailbox.inbox() != null && mailbox.sent() != null) {
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
