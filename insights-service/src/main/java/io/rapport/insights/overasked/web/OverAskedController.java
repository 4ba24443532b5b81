package io.rapport.insights.overasked.web;

import io.rapport.insights.identity.Caller;
import io.rapport.insights.overasked.OverAskedContacts;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Over-asked contacts: the admins' signal, and a member's note before writing — never who else wrote. */
@RestController
class OverAskedController {

    private final OverAskedContacts overAsked;

    OverAskedController(OverAskedContacts overAsked) {
        this.overAsked = overAsked;
    }

    @GetMapping("/api/insights/admin/over-asked")
    List<OverAskedContacts.Signal> signals(Caller caller) {
        return overAsked.signals(caller.require(Caller.ADMIN).tenantId());
    }

    @GetMapping("/api/insights/contacts/{contactId}/outreach-note")
    OverAskedContacts.Note note(Caller caller, @PathVariable String contactId) {
        return overAsked.noteFor(caller.require(Caller.MEMBER).member(), contactId);
    }
}
