package io.rapport.scheduling.interviews;

import io.rapport.events.Events;
import io.rapport.events.InterviewCancelled;
import io.rapport.events.InterviewConfirmed;
import io.rapport.events.InterviewHeld;
import io.rapport.events.InterviewNoShow;
import io.rapport.events.InterviewProposed;
import io.rapport.events.InterviewRescheduled;
import io.rapport.events.InterviewScheduled;
import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An informational interview with one contact. Every transition returns the new state and the
 * event it causes; a transition the lifecycle does not allow is a {@link ConflictException}.
 *
 * @param slot the agreed slot; null while only proposed
 * @param contactTimeZoneAssumed the contact had no time zone: the member's is assumed for the contact
 * @param sequence the iCalendar SEQUENCE: raised whenever the calendar entry changes meaningfully
 */
public record Interview(String id, Member owner, String contactId, String contactName, String objective,
        List<Slot> proposedSlots, Slot slot, InterviewFormat format, ZoneId memberTimeZone, ZoneId contactTimeZone,
        boolean contactTimeZoneAssumed, InterviewStatus status, String cancelReason, int sequence, Integer actualMinutes, Instant endedAt,
        List<PlannedQuestion> questionPlan, Instant createdAt, Instant updatedAt, long version) {

    public static final int MAX_REASON = 500;
    public static final int MAX_ACTUAL_MINUTES = 600;

    public Interview {
        proposedSlots = List.copyOf(proposedSlots);
        questionPlan = questionPlan == null ? List.of() : List.copyOf(questionPlan);
    }

    public static Change<Interview> propose(String id, Member owner, String contactName, Proposal proposal,
            Instant now) {
        Interview interview = new Interview(id, owner, proposal.contactId(), contactName, proposal.objective(),
                proposal.slots(), null, proposal.format(), proposal.memberTimeZone(), proposal.contactTimeZone(),
                proposal.contactTimeZoneAssumed(), InterviewStatus.PROPOSED, null, 0, null, null, List.of(), now, now, 1);
        return Change.of(interview, new InterviewProposed(id, proposal.contactId(), proposal.objective(),
                proposal.slots().stream().map(s -> new Events.Slot(s.start(), s.minutes())).toList(),
                proposal.format().toEvent(), proposal.memberTimeZone().getId(), proposal.contactTimeZone().getId()));
    }

    /** The contact agreed to one of the proposed slots. */
    public Change<Interview> schedule(Instant chosenStart, Instant now) {
        requireStatus("scheduled", Set.of(InterviewStatus.PROPOSED));
        if (chosenStart == null) {
            throw new InvalidInputException("start", "is required: the start of one of the proposed slots");
        }
        Slot chosen = proposedSlots.stream().filter(s -> s.start().equals(chosenStart)).findFirst()
                .orElseThrow(() -> new InvalidInputException("start", "is not the start of one of the proposed slots"));
        if (!chosen.start().isAfter(now)) {
            throw new InvalidInputException("start", "is in the past: propose new slots instead");
        }
        Interview scheduled = with(chosen, InterviewStatus.SCHEDULED, null, sequence, now);
        return Change.of(scheduled, new InterviewScheduled(id, contactId, chosen.start(), chosen.minutes(),
                format.toEvent(), memberTimeZone.getId(), contactTimeZone.getId()));
    }

    /** The member confirmed with the contact, usually a day or two before. */
    public Change<Interview> confirm(Instant now) {
        requireStatus("confirmed", Set.of(InterviewStatus.SCHEDULED));
        return Change.of(with(slot, InterviewStatus.CONFIRMED, null, sequence, now),
                new InterviewConfirmed(id, contactId, slot.start()));
    }

    /**
     * Moves a booked interview to a new slot. It goes back to SCHEDULED: the new time has to be
     * confirmed again.
     */
    public Change<Interview> reschedule(Slot newSlot, Instant now) {
        requireStatus("rescheduled", Set.of(InterviewStatus.SCHEDULED, InterviewStatus.CONFIRMED));
        Interview moved = with(newSlot, InterviewStatus.SCHEDULED, null, sequence + 1, now);
        return Change.of(moved, new InterviewRescheduled(id, contactId, slot.start(), newSlot.start(),
                newSlot.minutes(), format.toEvent(), memberTimeZone.getId(), contactTimeZone.getId()));
    }

    public Change<Interview> cancel(String reason, Instant now) {
        requireStatus("cancelled", Set.of(InterviewStatus.PROPOSED, InterviewStatus.SCHEDULED, InterviewStatus.CONFIRMED));
        if (Fields.clean(reason) == null) {
            throw new InvalidInputException("reason", "is required: say why the interview is cancelled");
        }
        String cleanReason = Fields.text(reason, "reason", MAX_REASON);
        return Change.of(with(slot, InterviewStatus.CANCELLED, cleanReason, sequence + 1, now),
                new InterviewCancelled(id, contactId, cleanReason));
    }

    /**
     * The conversation took place; it cannot have before its start. Overruns are recorded, not hidden.
     * Holding ends it: it ended at the earlier of start + actual minutes and now, so a member who marks it
     * held while it is still running can send the thank-you at once (and no end lies in the future).
     */
    public Change<Interview> hold(Integer actual, Instant now) {
        requireStatus("marked held", Set.of(InterviewStatus.CONFIRMED));
        refuseBeforeStart("held", now);
        List<FieldProblem> problems = new ArrayList<>();
        if (actual == null) {
            problems.add(new FieldProblem("actualMinutes", "is required"));
        }
        Fields.between(actual, 1, MAX_ACTUAL_MINUTES, "actualMinutes", problems);
        Fields.check(problems);
        Instant planned = slot.start().plus(Duration.ofMinutes(actual));
        // To the millisecond, as stored: the event and the stored interview say the same end.
        Instant ended = planned.isAfter(now) ? now.truncatedTo(ChronoUnit.MILLIS) : planned;
        Interview held = new Interview(id, owner, contactId, contactName, objective, proposedSlots, slot, format,
                memberTimeZone, contactTimeZone, contactTimeZoneAssumed, InterviewStatus.HELD, null, sequence, actual, ended, questionPlan,
                createdAt, now, version + 1);
        return Change.of(held, new InterviewHeld(id, contactId, slot.start(), slot.minutes(), actual,
                actual > slot.minutes(), ended));
    }

    public Change<Interview> noShow(Instant now) {
        requireStatus("marked a no-show", Set.of(InterviewStatus.CONFIRMED));
        refuseBeforeStart("a no-show", now);
        return Change.of(with(slot, InterviewStatus.NO_SHOW, null, sequence, now),
                new InterviewNoShow(id, contactId, slot.start()));
    }

    /** A new question plan; no event, since no other service acts on it. */
    public Interview withQuestionPlan(List<PlannedQuestion> plan, Instant now) {
        if (!status.isOpen()) {
            throw new ConflictException("The question plan of a " + status + " interview can no longer change",
                    Map.of("interviewStatus", status.name()));
        }
        return new Interview(id, owner, contactId, contactName, objective, proposedSlots, slot, format,
                memberTimeZone, contactTimeZone, contactTimeZoneAssumed, status, cancelReason, sequence, actualMinutes, endedAt, plan,
                createdAt, now, version + 1);
    }

    /** The length the plan must fit: the agreed slot, or the longest proposed one. */
    public int plannedMinutes() {
        return slot != null ? slot.minutes()
                : proposedSlots.stream().mapToInt(Slot::minutes).max().orElse(Slot.DEFAULT_MINUTES);
    }

    public boolean overran() {
        return actualMinutes != null && slot != null && actualMinutes > slot.minutes();
    }

    private Interview with(Slot newSlot, InterviewStatus newStatus, String reason, int newSequence, Instant now) {
        return new Interview(id, owner, contactId, contactName, objective, proposedSlots, newSlot, format,
                memberTimeZone, contactTimeZone, contactTimeZoneAssumed, newStatus, reason, newSequence, actualMinutes, endedAt, questionPlan,
                createdAt, now, version + 1);
    }

    private void requireStatus(String transition, Set<InterviewStatus> allowed) {
        if (!allowed.contains(status)) {
            throw new ConflictException("A " + status + " interview cannot be " + transition,
                    Map.of("interviewStatus", status.name(), "interviewId", id));
        }
    }

    private void refuseBeforeStart(String what, Instant now) {
        if (now.isBefore(slot.start())) {
            throw new ConflictException("The interview cannot be " + what + " before it starts at " + slot.start(),
                    Map.of("interviewStatus", status.name(), "start", slot.start().toString()));
        }
    }
}
