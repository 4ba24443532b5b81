package io.rapport.scheduling.interviews;

import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Ids;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import io.rapport.platform.domain.NotFoundException;
import io.rapport.scheduling.contacts.KnownContact;
import io.rapport.scheduling.contacts.KnownContacts;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The member's use cases on interviews: propose, schedule, confirm, reschedule, cancel, hold. */
public class InterviewBook {

    private static final int AGENDA_LIMIT = 2000;

    private final Interviews interviews;
    private final KnownContacts contacts;
    private final BookingLock bookings;
    private final Clock clock;
    private final Duration conflictBuffer;
    private final BusyTimes busyTimes;

    public InterviewBook(Interviews interviews, KnownContacts contacts, BookingLock bookings, Clock clock,
            Duration conflictBuffer) {
        this(interviews, contacts, bookings, clock, conflictBuffer, BusyTimes.NONE);
    }

    public InterviewBook(Interviews interviews, KnownContacts contacts, BookingLock bookings, Clock clock,
            Duration conflictBuffer, BusyTimes busyTimes) {
        this.busyTimes = busyTimes;
        this.interviews = interviews;
        this.bookings = bookings;
        this.contacts = contacts;
        this.clock = clock;
        this.conflictBuffer = conflictBuffer;
    }

    public Interview propose(Member owner, Proposal.Request request) {
        Instant now = clock.instant();
        KnownContact contact = null;
        String contactId = request.contactId() == null ? null : request.contactId().strip();
        if (contactId != null && !contactId.isEmpty()) {
            contact = contacts.find(owner, contactId).orElse(null);
        }
        Proposal proposal = Proposal.of(request, contact == null ? null : contact.timeZone(), now);
        if (contact == null) {
            throw new ContactNotInvitableException(proposal.contactId(),
                    "No contact " + proposal.contactId() + " is known to scheduling: add the contact first");
        }
        if (!contact.canBeInvited()) {
            throw new ContactNotInvitableException(contact.id(), "The contact " + contact.id() + " is archived");
        }
        for (Slot slot : proposal.slots()) {
            refuseClash(owner, slot, null);
        }
        Change<Interview> proposed = Interview.propose(Ids.newId(), owner, contact.name(), proposal, now);
        interviews.add(proposed);
        return proposed.state();
    }

    public Interview get(Member owner, String id) {
        return interviews.find(owner, id).orElseThrow(() -> new NotFoundException("interview", id));
    }

    public List<Interview> list(Member owner, int limit) {
        return interviews.list(owner, limit);
    }

    public Interview schedule(Member owner, String id, Instant start) {
        return bookings.exclusively(owner, () -> change(owner, id, interview -> {
            Change<Interview> scheduled = interview.schedule(start, clock.instant());
            refuseClash(owner, scheduled.state().slot(), id);
            return scheduled;
        }));
    }

    public Interview confirm(Member owner, String id) {
        return change(owner, id, interview -> interview.confirm(clock.instant()));
    }

    public Interview reschedule(Member owner, String id, SlotRequest request) {
        return bookings.exclusively(owner, () -> change(owner, id, interview -> {
            List<FieldProblem> problems = new ArrayList<>();
            if (request == null) {
                throw new InvalidInputException("start", "is required");
            }
            Slot slot = request.toSlot(interview.memberTimeZone(), clock.instant(), "slot", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems.stream()
                        .map(p -> new FieldProblem(p.field().substring("slot.".length()), p.message())).toList());
            }
            Change<Interview> moved = interview.reschedule(slot, clock.instant());
            refuseClash(owner, slot, id);
            return moved;
        }));
    }

    public Interview cancel(Member owner, String id, String reason) {
        return change(owner, id, interview -> interview.cancel(reason, clock.instant()));
    }

    public Interview hold(Member owner, String id, Integer actualMinutes) {
        return change(owner, id, interview -> interview.hold(actualMinutes, clock.instant()));
    }

    public Interview noShow(Member owner, String id) {
        return change(owner, id, interview -> interview.noShow(clock.instant()));
    }

    /** The member's agreed interviews in a range, for the agenda and the calendar feed. */
    public List<Interview> agreedBetween(Member owner, Instant from, Instant to, int limit) {
        return interviews.agreedBetween(owner, from, to, limit);
    }

    /**
     * The agenda from {@code from} to {@code to} (both included) in {@code timeZone}; without a zone,
     * the member's zone from their latest interview, or UTC for a member with none yet.
     */
    public Agenda agenda(Member owner, String from, String to, String timeZone, boolean includeCancelled) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate fromDate = date(from, "from", problems);
        LocalDate toDate = date(to, "to", problems);
        ZoneId zone = null;
        if (timeZone != null && !timeZone.isBlank()) {
            zone = Zones.parse(timeZone, "timeZone", problems);
        }
        if (fromDate != null && toDate != null) {
            if (toDate.isBefore(fromDate)) {
                problems.add(new FieldProblem("to", "must not be before from"));
            } else if (ChronoUnit.DAYS.between(fromDate, toDate) >= Agenda.MAX_DAYS) {
                problems.add(new FieldProblem("to", "must be at most " + Agenda.MAX_DAYS + " days after from"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (zone == null) {
            zone = interviews.list(owner, 1).stream().map(Interview::memberTimeZone).findFirst().orElse(ZoneOffset.UTC);
        }
        List<Interview> agreed = interviews.agreedBetween(owner, fromDate.atStartOfDay(zone).toInstant(),
                toDate.plusDays(1).atStartOfDay(zone).toInstant(), AGENDA_LIMIT).stream()
                .filter(i -> includeCancelled || i.status() != InterviewStatus.CANCELLED).toList();
        return Agenda.of(zone, fromDate, toDate, agreed);
    }

    private static LocalDate date(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "is required: a date such as 2027-03-29"));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(field, "is not a date such as 2027-03-29"));
            return null;
        }
    }

    private Interview change(Member owner, String id, Function<Interview, Change<Interview>> transition) {
        Interview current = get(owner, id);
        Change<Interview> changed = transition.apply(current);
        interviews.update(changed, current.version());
        return changed.state();
    }

    private void refuseClash(Member owner, Slot slot, String exceptId) {
        interviews.bookedClashing(owner, slot, conflictBuffer, exceptId).ifPresent(other -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("conflictingInterviewId", other.id());
            details.put("conflictingStart", other.slot().start().toString());
            details.put("bufferMinutes", conflictBuffer.toMinutes());
            throw new ConflictException("The slot at " + slot.start() + " overlaps interview " + other.id()
                    + " (with " + other.contactName() + " at " + other.slot().start() + ", keeping "
                    + conflictBuffer.toMinutes() + " minutes between interviews)", details);
        });
        Instant from = slot.start().minus(conflictBuffer);
        Instant to = slot.end().plus(conflictBuffer);
        busyTimes.between(owner, from, to).stream().filter(busy -> busy.overlaps(from, to)).findFirst().ifPresent(busy -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("calendarBusyStart", busy.start().toString());
            details.put("calendarBusyEnd", busy.end().toString());
            details.put("bufferMinutes", conflictBuffer.toMinutes());
            throw new ConflictException("The slot at " + slot.start() + " overlaps a busy time in your calendar ("
                    + busy.start() + " to " + busy.end() + ", keeping " + conflictBuffer.toMinutes()
                    + " minutes free around it)", details);
        });
    }
}
