package io.rapport.contacts.contacts;

import io.rapport.contacts.employers.Employers;
import io.rapport.contacts.employers.TargetEmployer;
import io.rapport.events.AlumniVolunteerRequested;
import io.rapport.events.ReferralRecorded;
import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.Ids;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import io.rapport.platform.domain.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The member's use cases on contacts, and what other services' events do to them. */
public class ContactBook {

    public static final int MAX_PAGE = 100;

    private final Contacts contacts;
    private final Employers employers;
    private final Clock clock;

    public ContactBook(Contacts contacts, Employers employers, Clock clock) {
        this.contacts = contacts;
        this.employers = employers;
        this.clock = clock;
    }

    public Contact add(Member owner, ContactInput input) {
        ContactDetails details = linked(owner, ContactDetails.of(input), null);
        Change<Contact> added = Contact.add(Ids.newId(), owner, details, clock.instant());
        contacts.add(added);
        return added.state();
    }

    public Contact get(Member owner, String id) {
        return contacts.find(owner, id).orElseThrow(() -> new NotFoundException("contact", id));
    }

    public Contact update(Member owner, String id, ContactInput input) {
        Contact current = get(owner, id);
        ContactDetails details = linked(owner, ContactDetails.of(input), id);
        return store(current, current.update(details, clock.instant()));
    }

    public Contact moveTo(Member owner, String id, ContactStage stage, String reason) {
        Contact current = get(owner, id);
        return store(current, current.moveTo(stage, reason, clock.instant()));
    }

    /** @return the contact as it now stands, and the new outreach in its log */
    public Map.Entry<Contact, OutreachAttempt> recordOutreach(Member owner, String id, OutreachChannel channel,
            String text, Instant sentAt, ZoneId memberZone) {
        Contact current = get(owner, id);
        Instant now = clock.instant();
        String outreachId = Ids.newId();
        Contact sent = store(current, current.recordOutreach(outreachId, channel, text, sentAt == null ? now : sentAt,
                memberZone, industryOf(owner, current), now));
        return Map.entry(sent, sent.outreach().stream().filter(attempt -> attempt.id().equals(outreachId))
                .findFirst().orElseThrow());
    }

    /**
     * The contact's industry, or else its linked target employer's: one lookup of the employer by id, and none when
     * the contact has an industry of its own or no linked employer.
     */
    private String industryOf(Member owner, Contact contact) {
        return contact.details().industryOr(employerId ->
                employers.find(owner, employerId).map(TargetEmployer::industry).orElse(null));
    }

    public Contact recordAnswer(Member owner, String id, String outreachId, OutreachStatus outcome, Instant at) {
        Contact current = get(owner, id);
        Instant now = clock.instant();
        return store(current, current.recordAnswer(outreachId, outcome, at == null ? now : at, now));
    }

    public Contact recordNoResponse(Member owner, String id, String outreachId) {
        Contact current = get(owner, id);
        return store(current, current.recordNoResponse(outreachId, clock.instant()));
    }

    public Contact touch(Member owner, String id, TouchKind kind, String note, Instant at) {
        Contact current = get(owner, id);
        Instant now = clock.instant();
        return store(current, current.touch(kind, note, at == null ? now : at, now));
    }

    public ContactPage list(Member owner, ContactQuery query, String after, int limit) {
        Fields.between(limit, 1, MAX_PAGE, "limit");
        List<Contact> page = contacts.list(owner, query, query.decode(after), limit + 1);
        boolean more = page.size() > limit;
        List<Contact> shown = more ? page.subList(0, limit) : page;
        return new ContactPage(List.copyOf(shown), more ? query.cursorAfter(shown.getLast()).encode() : null);
    }

    public List<Contact> all(Member owner) {
        return contacts.all(owner);
    }

    public ReferralChain referralChain(Member owner, String id) {
        Contact contact = get(owner, id);
        return ReferralChain.of(contact, contacts.all(owner));
    }

    public PoolCoverage coverage(Member owner) {
        return PoolCoverage.of(contacts.all(owner), employers.all(owner));
    }

    /**
     * An interview was held, or the thank-you sent: the contact moves forward, once per event. An unknown contact
     * (erased, or another member's) is ignored.
     */
    public void advance(String eventId, Member owner, String contactId, ContactStage reached, Instant interactedAt) {
        applyOnce(eventId, owner, contactId, contact -> contact.advanceTo(reached, interactedAt, clock.instant()));
    }

    /**
     * An interview was agreed with the contact at {@code agreedAt}: their open outreach is answered (which stops
     * the employer's follow-ups) and they move to SCHEDULED, once per event.
     */
    public void interviewScheduled(String eventId, Member owner, String contactId, Instant agreedAt) {
        applyOnce(eventId, owner, contactId, contact -> contact.interviewScheduled(agreedAt, clock.instant()));
    }

    /** The member's contact with this e-mail address (any case), if any: one index lookup. */
    public Optional<Contact> byEmail(Member owner, String email) {
        return contacts.findByEmail(owner, email);
    }

    /**
     * A reply from the contact was seen in the member's mailbox at {@code at}: recorded as the reply path records
     * one ({@link Contact#recordAnswer}, source MAILBOX, so the employer's 3B7 follow-ups stop), once per message
     * ({@code messageKey}) however often the message is seen. Nothing happens when no outreach waits by then.
     */
    public void replySeenInMailbox(String messageKey, Member owner, String contactId, Instant at) {
        applyOnce(messageKey, owner, contactId, contact -> contact.awaitingAnswerAt(at)
                .map(waiting -> contact.recordAnswer(waiting.id(), OutreachStatus.REPLIED, at,
                        io.rapport.events.OutreachReplied.BY_MAILBOX, clock.instant()))
                .orElseGet(() -> new Change<>(contact, List.of())));
    }

    private void applyOnce(String eventId, Member owner, String contactId, Function<Contact, Change<Contact>> effect) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Contact> current = contacts.find(owner, contactId);
            if (current.isEmpty()) {
                return;
            }
            Change<Contact> change = effect.apply(current.get());
            if (change.state() == current.get()) {
                return;
            }
            try {
                contacts.applyOnce(eventId, change, current.get().version());
                return;
            } catch (ConflictException changedMeanwhile) {
                if (attempt == 2) {
                    throw changedMeanwhile;
                }
            }
        }
    }

    /**
     * The interviewee named someone: a new contact, source referral, referred by the first. Made
     * once per referral; a person the member already has is not added twice.
     *
     * @return the new contact, or empty when the referral was applied before or names a known contact
     */
    public Optional<Contact> addReferral(Member owner, ReferralRecorded referral) {
        ContactInput input = new ContactInput(referral.name(), null, null, null, referral.employer(), null,
                referral.role(), null, null, null, null, ContactSource.REFERRAL.name(),
                referral.referredByContactId(), referral.mayUseReferrerName(), null, List.of(), null);
        ContactDetails details = ContactDetails.of(input);
        Change<Contact> added = Contact.referred(Ids.newId(), owner, details, referral.referralId(), clock.instant());
        try {
            contacts.add(added);
            return Optional.of(added.state());
        } catch (ConflictException alreadyKnown) {
            return Optional.empty();
        }
    }

    /**
     * The member asked an alumni volunteer of their organization for a conversation (insights-service): the volunteer
     * becomes a contact, source alumni. A volunteer the member already has (same e-mail) is not added twice, so a
     * redelivered request adds nothing.
     *
     * @return the new contact, or empty when the member already had this person
     */
    public Optional<Contact> addAlumniVolunteer(Member owner, AlumniVolunteerRequested request) {
        ContactInput input = new ContactInput(request.name(), request.email(), null, null, request.employer(), null,
                request.role(), request.industry(), null, null, null, ContactSource.ALUMNI.name(), null, null,
                "Volunteers for informational interviews (your organization's alumni directory)", List.of(), null);
        Change<Contact> added = Contact.add(Ids.newId(), owner, ContactDetails.of(input), clock.instant());
        try {
            contacts.add(added);
            return Optional.of(added.state());
        } catch (ConflictException alreadyKnown) {
            return Optional.empty();
        }
    }

    /** The identity keys of the member's contacts (e-mail, profile, name at employer) → contact id: read once per import. */
    public Map<String, String> identityKeys(Member owner) {
        return contacts.identityKeys(owner);
    }

    /**
     * Imports rows of LinkedIn's connections export: each row is created, a duplicate (of a contact the
     * member has, or of an earlier row) or invalid with the reason. {@code taken} holds the identity keys
     * known so far (from {@link #identityKeys}) and gains those of the rows created, so an import in batches
     * finds a repeat in a later batch too. The batch is written in a few bulk inserts.
     */
    public List<ImportReport.RowResult> importRows(Member owner, List<LinkedInConnections.Row> rows,
            Map<String, String> taken) {
        List<ImportReport.RowResult> results = new java.util.ArrayList<>();
        List<Change<Contact>> toAdd = new java.util.ArrayList<>();
        Instant now = clock.instant();
        for (LinkedInConnections.Row row : rows) {
            ContactDetails details;
            try {
                details = ContactDetails.of(row.input());
            } catch (InvalidInputException invalid) {
                results.add(new ImportReport.RowResult(row.line(), row.input().name(), ImportReport.Outcome.INVALID, null,
                        invalid.getMessage()));
                continue;
            }
            Optional<String> existing = details.identityKeys().stream().map(taken::get)
                    .filter(java.util.Objects::nonNull).findFirst();
            if (existing.isPresent()) {
                results.add(new ImportReport.RowResult(row.line(), details.name(), ImportReport.Outcome.DUPLICATE,
                        existing.get(), "same e-mail, LinkedIn profile, or name at the same employer as an existing contact"));
                continue;
            }
            Change<Contact> added = Contact.add(Ids.newId(), owner, details, now);
            details.identityKeys().forEach(key -> taken.put(key, added.state().id()));
            toAdd.add(added);
            results.add(new ImportReport.RowResult(row.line(), details.name(), ImportReport.Outcome.CREATED,
                    added.state().id(), null));
        }
        java.util.Set<String> raced = new java.util.HashSet<>(contacts.addAll(toAdd));
        if (!raced.isEmpty()) {
            results.replaceAll(result -> raced.contains(result.contactId()) && result.outcome() == ImportReport.Outcome.CREATED
                    ? new ImportReport.RowResult(result.line(), result.name(), ImportReport.Outcome.DUPLICATE, null,
                            "a contact with the same identity was added meanwhile")
                    : result);
        }
        return results;
    }

    private Contact store(Contact current, Change<Contact> change) {
        if (!change.events().isEmpty() || change.state() != current) {
            contacts.update(current, change);
        }
        return change.state();
    }

    /** Checks the links to a target employer and a referring contact, and fills the employer's name in. */
    private ContactDetails linked(Member owner, ContactDetails details, String selfId) {
        ContactDetails result = details;
        if (details.employerId() != null) {
            TargetEmployer employer = employers.find(owner, details.employerId())
                    .orElseThrow(() -> new InvalidInputException("employerId", "is not one of your target employers"));
            if (details.employer() == null) {
                result = details.withEmployerName(employer.name());
            }
        }
        if (details.referredByContactId() != null && (details.referredByContactId().equals(selfId)
                || contacts.find(owner, details.referredByContactId()).isEmpty())) {
            throw new InvalidInputException("referredByContactId", "is not another of your contacts");
        }
        return result;
    }
}
