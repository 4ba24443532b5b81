package io.rapport.scheduling.interviews;

import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.FieldProblem;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;

/**
 * A slot as a member writes it: a start either with an offset ({@code 2027-03-29T10:00:00+02:00},
 * {@code ...Z}) or as a wall-clock time in the member's time zone ({@code 2027-03-29T10:00}),
 * and a length in minutes (30 when absent).
 */
public record SlotRequest(String start, Integer minutes) {

    /**
     * Turns the request into a slot, or adds problems under {@code field}. A wall-clock time that
     * does not exist (clocks jump forward) or exists twice (clocks fall back) is refused rather than
     * silently moved, since the member would otherwise meet an hour off.
     */
    public Slot toSlot(ZoneId memberZone, Instant now, String field, List<FieldProblem> problems) {
        int length = minutes == null ? Slot.DEFAULT_MINUTES : minutes;
        boolean valid = Fields.between(length, Slot.MIN_MINUTES, Slot.MAX_MINUTES, field + ".minutes", problems) != null;
        Instant instant = startInstant(memberZone, field + ".start", problems);
        if (instant == null) {
            return null;
        }
        if (!instant.isAfter(now)) {
            problems.add(new FieldProblem(field + ".start", "must be in the future"));
            valid = false;
        }
        return valid ? new Slot(instant, length) : null;
    }

    private Instant startInstant(ZoneId memberZone, String field, List<FieldProblem> problems) {
        String text = Fields.clean(start);
        if (text == null) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notWithOffset) {
            // a wall-clock time, read below in the member's zone
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(text);
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(field, "is not a date-time such as 2027-03-29T10:00 or 2027-03-29T10:00:00+02:00"));
            return null;
        }
        if (memberZone == null) {
            return null;
        }
        List<java.time.ZoneOffset> offsets = memberZone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = memberZone.getRules().getTransition(local);
            problems.add(new FieldProblem(field, "does not exist in " + memberZone + ": clocks jump from "
                    + gap.getDateTimeBefore().toLocalTime() + " to " + gap.getDateTimeAfter().toLocalTime()
                    + " that day"));
            return null;
        }
        if (offsets.size() > 1) {
            problems.add(new FieldProblem(field, "occurs twice in " + memberZone
                    + " as clocks fall back: give the offset, e.g. " + local + offsets.getFirst()));
            return null;
        }
        return local.atOffset(offsets.getFirst()).toInstant();
    }
}
