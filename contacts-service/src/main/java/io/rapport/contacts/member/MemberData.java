package io.rapport.contacts.member;

import io.rapport.contacts.contacts.Contacts;
import io.rapport.contacts.employers.Employers;
import io.rapport.contacts.employers.LampRanking;
import io.rapport.contacts.imports.ImportJobs;
import io.rapport.contacts.outreach.Templates;
import io.rapport.events.MemberDataErased;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Erasures;
import io.rapport.platform.domain.Member;
import io.rapport.contacts.mailbox.MailboxConnection;
import io.rapport.contacts.mailbox.Mailboxes;
import java.time.Clock;
import java.time.Instant;

/**
 * A member's data as a whole: export it, and erase it. Erasure starts here and is an event: this
 * service, like every other, deletes the member's data when it sees MemberDataErased, so every
 * service erases the same way and a redelivery deletes nothing more.
 */
public class MemberData {

    private final Contacts contacts;
    private final Employers employers;
    private final Templates templates;
    private final ErasureRequests requests;
    private final Erasures erasures;
    private final ImportJobs imports;
    private final Mailboxes mailboxes;
    private final Clock clock;

    public MemberData(Contacts contacts, Employers employers, Templates templates, ErasureRequests requests,
            Erasures erasures, ImportJobs imports, Mailboxes mailboxes, Clock clock) {
        this.contacts = contacts;
        this.employers = employers;
        this.templates = templates;
        this.requests = requests;
        this.erasures = erasures;
        this.imports = imports;
        this.mailboxes = mailboxes;
        this.clock = clock;
    }

    public Instant requestErasure(Member owner) {
        Instant now = clock.instant();
        requests.add(owner, Change.of(now, new MemberDataErased(owner.memberId(), now)));
        return now;
    }

    /**
     * Deletes all of the member's contacts-service data, once per request ({@link Erasures#erase}): a redelivered
     * request deletes nothing created since, and no event from before it (a referral, say) brings a contact back.
     *
     * @return false when this request had been carried out before
     */
    public boolean erase(String requestId, Member owner, Instant requestedAt) {
        return erasures.erase(owner, requestId, requestedAt, () -> {
            contacts.deleteAll(owner);
            employers.deleteAll(owner);
            templates.deleteAll(owner);
            requests.deleteAll(owner);
            // An import still running for the member finds its job gone at its next batch and stops.
            imports.deleteAll(owner);
            mailboxes.deleteAll(owner); // the credentials and the read cursors; replies found are in the contacts
        });
    }

    public MemberExport export(Member owner) {
        var allContacts = contacts.all(owner);
        return new MemberExport(owner.memberId(), owner.tenantId(), clock.instant(), allContacts,
                employers.all(owner).stream().map(employer -> LampRanking.assess(employer, allContacts)).toList(),
                templates.all(owner), mailboxes.find(owner).filter(mailbox -> mailbox.server() != null)
                        .map(MailboxConnection::of).orElse(null));
    }
}
