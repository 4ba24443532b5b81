package io.rapport.scheduling.interviews.web;

import io.rapport.scheduling.interviews.Interview;
import io.rapport.scheduling.interviews.InterviewFormat;
import io.rapport.scheduling.interviews.Slot;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * An interview as the member sees it; every time is given as an instant and as wall-clock time on both sides.
 * {@code contactTimeZoneAssumed}: the contact has no time zone, so the member's was assumed for the contact's side.
 */
public record InterviewResponse(String id, String contactId, String contactName, String objective, String status,
        List<SlotView> proposedSlots, SlotView slot, FormatView format, String memberTimeZone, String contactTimeZone,
        boolean contactTimeZoneAssumed, String cancelReason, int sequence, Integer actualMinutes, boolean overran, Instant endedAt,
        Instant createdAt, Instant updatedAt, long version) {

    public record SlotView(Instant start, Instant end, int minutes, LocalDateTime memberLocalStart,
            LocalDateTime contactLocalStart) {

        static SlotView of(Slot slot, ZoneId member, ZoneId contact) {
            return slot == null ? null : new SlotView(slot.start(), slot.end(), slot.minutes(),
                    LocalDateTime.ofInstant(slot.start(), member), LocalDateTime.ofInstant(slot.start(), contact));
        }
    }

    public record FormatView(String kind, String address, String phone, String platform, String link) {

        static FormatView of(InterviewFormat format) {
            return new FormatView(format.kind().name(), format.address(), format.phone(),
                    format.platform() == null ? null : format.platform().name(), format.link());
        }
    }

    static InterviewResponse of(Interview i) {
        return new InterviewResponse(i.id(), i.contactId(), i.contactName(), i.objective(), i.status().name(),
                i.proposedSlots().stream().map(s -> SlotView.of(s, i.memberTimeZone(), i.contactTimeZone())).toList(),
                SlotView.of(i.slot(), i.memberTimeZone(), i.contactTimeZone()), FormatView.of(i.format()),
                i.memberTimeZone().getId(), i.contactTimeZone().getId(), i.contactTimeZoneAssumed(), i.cancelReason(), i.sequence(),
                i.actualMinutes(), i.overran(), i.endedAt(), i.createdAt(), i.updatedAt(), i.version());
    }
}
