package io.rapport.scheduling.interviews;

import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated proposal: what the member wants to learn, when, how, and in which time zones. A contact
 * whose time zone nobody gave is assumed to be in the member's ({@code contactTimeZoneAssumed}), so a
 * proposal never fails for want of it and the member is told.
 */
public record Proposal(String contactId, String objective, List<Slot> slots, InterviewFormat format,
        ZoneId memberTimeZone, ZoneId contactTimeZone, boolean contactTimeZoneAssumed) {

    public static final int MAX_OBJECTIVE = 200;
    public static final int MAX_SLOTS = 4;
    public static final int MAX_ID = 64;

    public Proposal {
        slots = List.copyOf(slots);
    }

    /** What the member sent, before any rule was checked. */
    public record Request(String contactId, String objective, List<SlotRequest> slots, FormatRequest format,
            String memberTimeZone, String contactTimeZone) {
    }

    public record FormatRequest(String kind, String address, String phone, String platform, String link) {
    }

    /**
     * @param knownContactZone the contact's zone from the read model, used when the request gives none
     * @throws InvalidInputException naming every field at fault
     */
    public static Proposal of(Request request, String knownContactZone, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        String contactId = Fields.requiredText(request.contactId(), "contactId", MAX_ID, problems);
        String objective = Fields.clean(request.objective());
        if (objective == null) {
            problems.add(new FieldProblem("objective", "is required: one concrete sentence on what you want to learn"));
        } else {
            objective = Fields.text(objective, "objective", MAX_OBJECTIVE, problems);
        }
        ZoneId memberZone = Zones.parse(request.memberTimeZone(), "memberTimeZone", problems);
        String contactZoneText = Fields.clean(request.contactTimeZone()) != null ? request.contactTimeZone() : knownContactZone;
        boolean contactZoneAssumed = Fields.clean(contactZoneText) == null;
        ZoneId contactZone = contactZoneAssumed ? memberZone : Zones.parse(contactZoneText, "contactTimeZone", problems);
        List<Slot> slots = new ArrayList<>();
        List<SlotRequest> requested = request.slots() == null ? List.of() : request.slots();
        if (requested.isEmpty() || requested.size() > MAX_SLOTS) {
            problems.add(new FieldProblem("slots", "must hold 1 to " + MAX_SLOTS + " proposed times"));
        } else {
            for (int i = 0; i < requested.size(); i++) {
                SlotRequest slot = requested.get(i);
                String field = "slots[" + i + "]";
                if (slot == null) {
                    problems.add(new FieldProblem(field, "is required"));
                    continue;
                }
                Slot parsed = slot.toSlot(memberZone, now, field, problems);
                if (parsed != null) {
                    for (Slot earlier : slots) {
                        if (earlier.clashesWith(parsed, Duration.ZERO)) {
                            problems.add(new FieldProblem(field, "overlaps another proposed slot"));
                        }
                    }
                    slots.add(parsed);
                }
            }
        }
        InterviewFormat format = null;
        FormatRequest formatRequest = request.format();
        if (formatRequest == null) {
            problems.add(new FieldProblem("format", "is required: IN_PERSON with an address, PHONE with a number or VIDEO with a platform and a link"));
        } else {
            format = InterviewFormat.of(formatRequest.kind(), formatRequest.address(), formatRequest.phone(),
                    formatRequest.platform(), formatRequest.link(), "format", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Proposal(contactId, objective, slots, format, memberZone, contactZone, contactZoneAssumed);
    }
}
