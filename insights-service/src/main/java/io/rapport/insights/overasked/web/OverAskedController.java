package io.rapport.insights.overasked.web;

import io.rapport.insights.identity.Caller;
import io.rapport.insights.overasked.OverAskedContacts;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Over-asked contacts: the admins' signal, and a member's note before writing — never who else wrote. */
@RestController
@Tag(name = "Over-asked contacts", description = "People approached by 3 or more of the tenant's members within 30 days; never who.")
class OverAskedController {

    private final OverAskedContacts overAsked;

    OverAskedController(OverAskedContacts overAsked) {
        this.overAsked = overAsked;
    }

    @Operation(operationId = "listOverAskedContacts", summary = "List over-asked contacts",
            description = "Admin role: people approached by at least 3 members in 30 days, the most approached first.")
    @GetMapping("/api/insights/admin/over-asked")
    List<OverAskedContacts.Signal> signals(Caller caller) {
        return overAsked.signals(caller.require(Caller.ADMIN).tenantId());
    }

    @Operation(operationId = "getOutreachNote", summary = "Before writing to a contact",
            description = "Member role: how many others from the organization wrote to this person in the last 30 days, never who.")
    @GetMapping("/api/insights/contacts/{contactId}/outreach-note")
    OverAskedContacts.Note note(Caller caller, @PathVariable String contactId) {
        return overAsked.noteFor(caller.require(Caller.MEMBER).member(), contactId);
    }
}
