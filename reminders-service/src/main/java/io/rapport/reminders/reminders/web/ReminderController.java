package io.rapport.reminders.reminders.web;

import io.rapport.platform.domain.Member;
import io.rapport.reminders.preferences.web.PreferencesController.PreferencesResponse;
import io.rapport.reminders.reminders.Inbox;
import io.rapport.reminders.reminders.InboxSection;
import io.rapport.reminders.reminders.MemberData;
import io.rapport.reminders.reminders.Reminder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The in-app inbox and the member's export. */
@Tag(name = "Reminders", description = "The in-app inbox of reminders, and the member's export.")
@RestController
@RequestMapping("/api/reminders")
class ReminderController {

    private final Inbox inbox;
    private final MemberData memberData;
    private final Clock clock;

    ReminderController(Inbox inbox, MemberData memberData, Clock clock) {
        this.inbox = inbox;
        this.memberData = memberData;
        this.clock = clock;
    }

    @Operation(operationId = "listReminders", summary = "List reminders",
            description = "The member's in-app inbox in three sections: overdue, due and upcoming reminders.")
    @GetMapping
    InboxResponse inbox(Member member) {
        Map<InboxSection, List<Reminder>> view = inbox.view(member);
        return new InboxResponse(list(view.get(InboxSection.OVERDUE)), list(view.get(InboxSection.DUE)),
                list(view.get(InboxSection.UPCOMING)));
    }

    @Operation(operationId = "getReminder", summary = "Get a reminder",
            description = "One reminder of the calling member.")
    @GetMapping("/{id}")
    ReminderResponse get(Member member, @PathVariable String id) {
        return ReminderResponse.of(inbox.get(member, id));
    }

    @Operation(operationId = "completeReminder", summary = "Mark a reminder done",
            description = "The member did what the reminder asked; it leaves the inbox.")
    @PostMapping("/{id}/done")
    ReminderResponse done(Member member, @PathVariable String id) {
        return ReminderResponse.of(inbox.done(member, id));
    }

    @Operation(operationId = "dismissReminder", summary = "Dismiss a reminder",
            description = "The member does not want this reminder; it leaves the inbox.")
    @PostMapping("/{id}/dismiss")
    ReminderResponse dismiss(Member member, @PathVariable String id) {
        return ReminderResponse.of(inbox.dismiss(member, id));
    }

    @Operation(operationId = "snoozeReminder", summary = "Snooze a reminder",
            description = "Hides the reminder until the given time.")
    @PostMapping("/{id}/snooze")
    ReminderResponse snooze(Member member, @PathVariable String id, @RequestBody SnoozeRequest request) {
        return ReminderResponse.of(inbox.snooze(member, id, request.until()));
    }

    /** All the member's reminders-service data, as JSON. */
    @Operation(operationId = "exportRemindersData", summary = "Export the member's reminders data",
            description = "Everything reminders-service holds of the calling member, as JSON.")
    @GetMapping("/export")
    ExportResponse export(Member member) {
        MemberData.Export export = memberData.export(member);
        return new ExportResponse(member.memberId(), member.tenantId(), clock.instant(),
                export.preferencesSet() ? PreferencesResponse.of(export.preferences()) : null,
                export.reminders().stream().map(ReminderResponse::of).toList());
    }

    private static List<ReminderResponse> list(List<Reminder> reminders) {
        return reminders.stream().map(ReminderResponse::of).toList();
    }

    record SnoozeRequest(Instant until) {
    }

    record InboxResponse(List<ReminderResponse> overdue, List<ReminderResponse> due, List<ReminderResponse> upcoming) {
    }

    record ExportResponse(String memberId, String tenantId, Instant exportedAt, PreferencesResponse preferences,
            List<ReminderResponse> reminders) {
    }

    record ReminderResponse(String id, String rule, String subjectId, String contactId, String employer, String title,
            Instant dueAt, Instant overdueAt, String status, Instant deliveredAt, boolean late) {

        static ReminderResponse of(Reminder r) {
            return new ReminderResponse(r.id(), r.rule().name(), r.subjectId(), r.contactId(), r.employer(), r.title(),
                    r.dueAt(), r.overdueAt(), r.status().name(), r.deliveredAt(), r.late());
        }
    }
}
