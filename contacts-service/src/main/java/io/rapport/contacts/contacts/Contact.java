package io.rapport.contacts.contacts;

import io.rapport.events.ContactAdded;
import io.rapport.events.ContactArchived;
import io.rapport.events.ContactTouched;
import io.rapport.events.ContactUpdated;
import io.rapport.events.DomainEvent;
import io.rapport.events.OutreachReplied;
import io.rapport.events.OutreachSent;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.Member;
import io.rapport.platform.domain.NotFoundException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A person in the member's network, with its outreach log and logged touches: one aggregate, so a
 * stage change and the outreach or touch that caused it are one write with their events.
 * Changes return the events they cause.
 *
 * @param referralId the notes-service referral this contact came from, if any
 */
public record Contact(String id, Member owner, ContactDetails details, ContactStage stage, String referralId,
        Instant lastInteractionAt, List<OutreachAttempt> outreach, List<Touch> touches, Instant createdAt,
        Instant updatedAt, long version) {

    /** The longest reason a member may give when archiving a contact. */
    public static final int MAX_REASON = 500;

    public Contact {
        outreach = List.copyOf(outreach);
        touches = List.copyOf(touches);
    }

    public static Change<Contact> add(String id, Member owner, ContactDetails details, Instant now) {
        return added(id, owner, details, null, now);
    }

    /** A contact the interviewee named, referred by one of the member's contacts. */
    public static Change<Contact> referred(String id, Member owner, ContactDetails details, String referralId,
            Instant now) {
        return added(id, owner, details, referralId, now);
    }

    private static Change<Contact> added(String id, Member owner, ContactDetails details, String referralId,
            Instant now) {
        Contact contact = new Contact(id, owner, details, ContactStage.IDENTIFIED, referralId, null, List.of(),
                List.of(), now, now, 1);
        return Change.of(contact, new ContactAdded(id, details.name(), details.email(), details.employer(),
                details.role(), details.source().name(), details.timeZone(), details.referredByContactId(), now,
                details.linkedInUrl()));
    }

    /** Keys under which no second contact of the member may exist; a referral is turned into a contact once. */
    public Set<String> identityKeys() {
        Set<String> keys = new java.util.LinkedHashSet<>(details.identityKeys());
        if (referralId != null) {
            keys.add("referral:" + referralId);
        }
        return keys;
    }

    /** New details; no event when nothing actually changed. */
    public Change<Contact> update(ContactDetails newDetails, Instant now) {
        List<String> changed = newDetails.changedFrom(details);
        if (changed.isEmpty()) {
            return new Change<>(this, List.of());
        }
        Contact updated = with(newDetails, stage, lastInteractionAt, outreach, touches, now);
        return Change.of(updated, updated.updatedEvent(changed));
    }

    /**
     * The member moves the contact on.
     *
     * @throws ConflictException naming the allowed stages when the move is not one of them
     */
    public Change<Contact> moveTo(ContactStage next, String reason, Instant now) {
        if (next == stage) {
            return new Change<>(this, List.of());
        }
        if (!stage.canMoveTo(next)) {
            throw illegalMove(next);
        }
        Contact moved = with(details, next, lastInteractionAt, outreach, touches, now);
        return new Change<>(moved, List.of(next == ContactStage.ARCHIVED
                ? new ContactArchived(id, reason, now)
                : moved.updatedEvent(List.of("stage"))));
    }

    /**
     * What another service reports (an interview scheduled or held, a thank-you sent) moves the
     * contact forward only; an older or repeated report changes nothing.
     */
    public Change<Contact> advanceTo(ContactStage reached, Instant interactedAt, Instant now) {
        Instant lastInteraction = latest(lastInteractionAt, interactedAt);
        boolean moves = stage.isBefore(reached);
        if (!moves && java.util.Objects.equals(lastInteraction, lastInteractionAt)) {
            return new Change<>(this, List.of());
        }
        Contact advanced = with(details, moves ? reached : stage, lastInteraction, outreach, touches, now);
        return moves ? Change.of(advanced, advanced.updatedEvent(List.of("stage"))) : new Change<>(advanced, List.of());
    }

    /**
     * An interview was agreed with the contact ({@code agreedAt}): that is their answer, so every outreach still
     * waiting for one is answered REPLIED then, announced as the reply path does (OutreachReplied, which stops the
     * employer's 3B7 follow-ups), and the contact moves forward to SCHEDULED. Repeated, it changes nothing.
     */
    public Change<Contact> interviewScheduled(Instant agreedAt, Instant now) {
        List<DomainEvent> events = new ArrayList<>();
        Instant lastInteraction = lastInteractionAt;
        List<OutreachAttempt> log = new ArrayList<>();
        for (OutreachAttempt attempt : outreach) {
            if (attempt.status() == OutreachStatus.SENT || attempt.status() == OutreachStatus.NO_RESPONSE) {
                Instant answeredAt = agreedAt.isBefore(attempt.sentAt()) ? attempt.sentAt() : agreedAt;
                int latency = BusinessDays.between(attempt.sentAt(), answeredAt, ZoneId.of(attempt.memberTimeZone()));
                log.add(attempt.answered(OutreachStatus.REPLIED, answeredAt, latency));
                events.add(new OutreachReplied(attempt.id(), id, details.employer(), OutreachStatus.REPLIED.name(),
                        latency, answeredAt, OutreachReplied.BY_INTERVIEW));
                lastInteraction = latest(lastInteraction, answeredAt);
            } else {
                log.add(attempt);
            }
        }
        boolean moves = stage.isBefore(ContactStage.SCHEDULED);
        if (!moves && events.isEmpty()) {
            return new Change<>(this, List.of());
        }
        Contact scheduled = with(details, moves ? ContactStage.SCHEDULED : stage, lastInteraction, log, touches, now);
        if (moves) {
            events.add(scheduled.updatedEvent(List.of("stage")));
        }
        return new Change<>(scheduled, events);
    }

    /**
     * The member sent an outreach message from their own mail or LinkedIn.
     *
     * @param industry the industry approached (the contact's own, or else its linked target employer's: the caller
     *     resolves it, as {@link PoolCoverage} counts it); null when unknown
     */
    public Change<Contact> recordOutreach(String outreachId, OutreachChannel channel, String text, Instant sentAt,
            ZoneId memberZone, String industry, Instant now) {
        if (stage == ContactStage.ARCHIVED) {
            throw new ConflictException("The contact is archived; no more outreach to them.",
                    Map.of("stage", stage.name()));
        }
        List<OutreachAttempt> log = new ArrayList<>(outreach);
        log.add(new OutreachAttempt(outreachId, channel, text, sentAt, memberZone.getId(), OutreachStatus.SENT, null, null));
        log.sort(Comparator.comparing(OutreachAttempt::sentAt));
        boolean moves = stage == ContactStage.IDENTIFIED || stage == ContactStage.NO_RESPONSE;
        Contact sent = with(details, moves ? ContactStage.OUTREACH_SENT : stage, latest(lastInteractionAt, sentAt),
                log, touches, now);
        List<DomainEvent> events = new ArrayList<>();
        events.add(new OutreachSent(outreachId, id, details.employer(), channel.name(), memberZone.getId(), sentAt,
                industry));
        if (moves) {
            events.add(sent.updatedEvent(List.of("stage")));
        }
        return new Change<>(sent, events);
    }

    /** The contact answered (REPLIED or DECLINED); latency counts business days in the member's time zone. */
    public Change<Contact> recordAnswer(String outreachId, OutreachStatus outcome, Instant answeredAt, Instant now) {
        return recordAnswer(outreachId, outcome, answeredAt, OutreachReplied.BY_MEMBER, now);
    }

    /**
     * As {@link #recordAnswer(String, OutreachStatus, Instant, Instant)}, saying how the answer became known
     * ({@code source}: one of OutreachReplied's BY_* values), e.g. a reply seen in the member's mailbox.
     */
    public Change<Contact> recordAnswer(String outreachId, OutreachStatus outcome, Instant answeredAt, String source,
            Instant now) {
        if (outcome != OutreachStatus.REPLIED && outcome != OutreachStatus.DECLINED) {
            throw new IllegalArgumentException("an answer is REPLIED or DECLINED");
        }
        OutreachAttempt attempt = attempt(outreachId);
        if (attempt.status() == OutreachStatus.REPLIED || attempt.status() == OutreachStatus.DECLINED) {
            throw new ConflictException("This outreach was already answered (" + attempt.status() + ").",
                    Map.of("status", attempt.status().name()));
        }
        if (answeredAt.isBefore(attempt.sentAt())) {
            throw new io.rapport.platform.domain.InvalidInputException("at", "must not be before the outreach was sent");
        }
        int latency = BusinessDays.between(attempt.sentAt(), answeredAt, ZoneId.of(attempt.memberTimeZone()));
        ContactStage reached = outcome == OutreachStatus.REPLIED ? ContactStage.REPLIED : ContactStage.DECLINED;
        boolean moves = stage == ContactStage.OUTREACH_SENT || stage == ContactStage.NO_RESPONSE;
        Contact answered = with(details, moves ? reached : stage, latest(lastInteractionAt, answeredAt),
                replace(attempt.answered(outcome, answeredAt, latency)), touches, now);
        List<DomainEvent> events = new ArrayList<>();
        events.add(new OutreachReplied(outreachId, id, details.employer(), outcome.name(), latency, answeredAt, source));
        if (moves) {
            events.add(answered.updatedEvent(List.of("stage")));
        }
        return new Change<>(answered, events);
    }

    /**
     * The outreach an answer arriving {@code at} answers: the latest one sent by then that is still waiting (SENT,
     * or NO_RESPONSE: a late answer still counts). Empty when none waits.
     */
    public Optional<OutreachAttempt> awaitingAnswerAt(Instant at) {
        return outreach.stream()
                .filter(attempt -> attempt.status() == OutreachStatus.SENT || attempt.status() == OutreachStatus.NO_RESPONSE)
                .filter(attempt -> !attempt.sentAt().isAfter(at))
                .max(Comparator.comparing(OutreachAttempt::sentAt));
    }

    /** The member gave up waiting for an answer to this outreach. */
    public Change<Contact> recordNoResponse(String outreachId, Instant now) {
        OutreachAttempt attempt = attempt(outreachId);
        if (attempt.status() != OutreachStatus.SENT) {
            throw new ConflictException("Only an unanswered outreach can be marked as having no response; it is "
                    + attempt.status() + ".", Map.of("status", attempt.status().name()));
        }
        boolean moves = stage == ContactStage.OUTREACH_SENT;
        Contact unanswered = with(details, moves ? ContactStage.NO_RESPONSE : stage, lastInteractionAt,
                replace(attempt.unanswered()), touches, now);
        return moves ? Change.of(unanswered, unanswered.updatedEvent(List.of("stage"))) : new Change<>(unanswered, List.of());
    }

    /** A touch of any kind; the last interaction is the latest of all of them. */
    public Change<Contact> touch(TouchKind kind, String note, Instant at, Instant now) {
        List<Touch> logged = new ArrayList<>(touches);
        logged.add(new Touch(kind, note, at));
        logged.sort(Comparator.comparing(Touch::at));
        Contact touched = with(details, stage, latest(lastInteractionAt, at), outreach, logged, now);
        return Change.of(touched, new ContactTouched(id, kind.name(), note, at));
    }

    /** Quick, slow or non-responder, from the answered and unanswered outreach. */
    public Responsiveness responsiveness() {
        Optional<Integer> fastest = outreach.stream().map(OutreachAttempt::latencyBusinessDays)
                .filter(java.util.Objects::nonNull).min(Integer::compare);
        if (fastest.isPresent()) {
            return Responsiveness.ofLatency(fastest.get());
        }
        boolean gaveUp = outreach.stream().anyMatch(attempt -> attempt.status() == OutreachStatus.NO_RESPONSE);
        return gaveUp ? Responsiveness.NON_RESPONDER : Responsiveness.NOT_YET_KNOWN;
    }

    public boolean isArchived() {
        return stage == ContactStage.ARCHIVED;
    }

    public ConflictException illegalMove(ContactStage next) {
        List<String> allowed = stage.allowedNext().stream().map(Enum::name).toList();
        return new ConflictException("A contact at " + stage + " cannot move to " + next + "; allowed: "
                + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ".",
                Map.of("stage", stage.name(), "allowedStages", allowed));
    }

    private OutreachAttempt attempt(String outreachId) {
        return outreach.stream().filter(attempt -> attempt.id().equals(outreachId)).findFirst()
                .orElseThrow(() -> new NotFoundException("outreach", outreachId));
    }

    private List<OutreachAttempt> replace(OutreachAttempt changed) {
        return outreach.stream().map(attempt -> attempt.id().equals(changed.id()) ? changed : attempt).toList();
    }

    private Contact with(ContactDetails newDetails, ContactStage newStage, Instant lastInteraction,
            List<OutreachAttempt> newOutreach, List<Touch> newTouches, Instant now) {
        return new Contact(id, owner, newDetails, newStage, referralId, lastInteraction, newOutreach, newTouches,
                createdAt, now, version + 1);
    }

    private ContactUpdated updatedEvent(List<String> changed) {
        return new ContactUpdated(id, details.name(), details.email(), details.employer(), details.role(),
                details.source().name(), details.timeZone(), stage.name(), changed, updatedAt, details.linkedInUrl());
    }

    private static Instant latest(Instant current, Instant candidate) {
        if (candidate == null) {
            return current;
        }
        return current == null || candidate.isAfter(current) ? candidate : current;
    }
}
