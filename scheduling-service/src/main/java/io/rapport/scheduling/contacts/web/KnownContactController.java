package io.rapport.scheduling.contacts.web;

import io.rapport.platform.domain.Member;
import io.rapport.platform.domain.NotFoundException;
import io.rapport.scheduling.contacts.KnownContact;
import io.rapport.scheduling.contacts.KnownContacts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The contacts a member can invite to an interview, as scheduling knows them. */
@Tag(name = "Known contacts", description = "The contacts a member can invite to an interview, as scheduling knows them.")
@RestController
@RequestMapping("/api/scheduling/contacts")
class KnownContactController {

    private final KnownContacts contacts;

    KnownContactController(KnownContacts contacts) {
        this.contacts = contacts;
    }

    @Operation(operationId = "listKnownContacts", summary = "List known contacts",
            description = "The member's contacts as scheduling knows them from the contact events.")
    @GetMapping
    List<KnownContactResponse> list(Member member) {
        return contacts.list(member).stream().map(KnownContactResponse::of).toList();
    }

    @Operation(operationId = "getKnownContact", summary = "Get a known contact",
            description = "One contact as scheduling knows it (name, time zone).")
    @GetMapping("/{id}")
    KnownContactResponse get(Member member, @PathVariable String id) {
        return contacts.find(member, id).map(KnownContactResponse::of)
                .orElseThrow(() -> new NotFoundException("contact", id));
    }

    record KnownContactResponse(String id, String name, String email, String employer, String role, String timeZone,
            boolean archived, boolean canBeInvited) {

        static KnownContactResponse of(KnownContact contact) {
            return new KnownContactResponse(contact.id(), contact.name(), contact.email(), contact.employer(),
                    contact.role(), contact.timeZone(), contact.archived(), contact.canBeInvited());
        }
    }
}
