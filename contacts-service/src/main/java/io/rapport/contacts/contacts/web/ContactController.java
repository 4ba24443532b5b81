package io.rapport.contacts.contacts.web;

import io.rapport.contacts.contacts.Contact;
import io.rapport.contacts.contacts.ContactBook;
import io.rapport.contacts.contacts.ContactPage;
import io.rapport.contacts.contacts.ContactQuery;
import io.rapport.contacts.contacts.ContactStage;
import io.rapport.contacts.contacts.PoolCoverage;
import io.rapport.contacts.contacts.ReferralChain;
import io.rapport.contacts.contacts.TouchKind;
import io.rapport.contacts.contacts.Touch;
import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Fields;
import io.swagger.v3.oas.annotations.media.Schema;
import io.rapport.platform.domain.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Contacts", description = "The member's contacts: people at target employers, their stage, touches and referrals.")
@RestController
@RequestMapping("/api/contacts")
class ContactController {

    private final ContactBook book;

    ContactController(ContactBook book) {
        this.book = book;
    }

    @Operation(operationId = "addContact", summary = "Add a contact",
            description = "Stores a new contact for the calling member and announces it as ContactAdded. A contact with the same email (case-insensitive) is a 409 naming `existingContactId`.",
            responses = @ApiResponse(responseCode = "201", description = "Created; `Location` names the new record.", useReturnTypeSchema = true))
    @PostMapping
    ResponseEntity<ContactResponse> add(Member member, @RequestBody ContactRequest request) {
        Contact contact = book.add(member, request.toInput());
        return ResponseEntity.created(URI.create("/api/contacts/" + contact.id())).body(ContactResponse.of(contact));
    }

    @Operation(operationId = "getContact", summary = "Get a contact",
            description = "One contact of the calling member, with its stage, touches and outreach summary.")
    @GetMapping("/{id}")
    ContactResponse get(Member member, @PathVariable String id) {
        return ContactResponse.of(book.get(member, id));
    }

    @Operation(operationId = "updateContact", summary = "Update a contact",
            description = "Replaces the contact's editable fields and announces ContactUpdated.")
    @PutMapping("/{id}")
    ContactResponse update(Member member, @PathVariable String id, @RequestBody ContactRequest request) {
        return ContactResponse.of(book.update(member, id, request.toInput()));
    }

    /** Filters: employer, stage, source, careerStage, tag, q (text in name, employer or role); sort created or name. */
    @Operation(operationId = "listContacts", summary = "List contacts",
            description = "A page of the member's contacts, filtered by employer, stage, source, careerStage, tag or text (`q`), sorted by `created` or `name`. Pass `nextCursor` as `after` for the next page.")
    @GetMapping
    Page list(Member member, @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String after, @RequestParam(required = false) String employer,
            @RequestParam(required = false) String stage, @RequestParam(required = false) String source,
            @RequestParam(required = false) String careerStage, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort) {
        ContactQuery query = ContactQuery.of(employer, stage, source, careerStage, tag, q, sort);
        ContactPage page = book.list(member, query, after, limit);
        return new Page(page.contacts().stream().map(ContactResponse::of).toList(), page.nextCursor());
    }

    /** Moves the contact to another stage; an illegal move is a 409 naming the allowed stages. */
    @Operation(operationId = "moveContactStage", summary = "Move a contact to another stage",
            description = "Moves the contact along its pipeline; an illegal move is a 409 naming the allowed stages.")
    @PutMapping("/{id}/stage")
    ContactResponse move(Member member, @PathVariable String id, @RequestBody StageRequest request) {
        return ContactResponse.of(book.moveTo(member, id, request.stageValue(), request.reason()));
    }

    @Operation(operationId = "getReferralChain", summary = "Get a contact's referral chain",
            description = "Who referred this contact and whom they referred, as a chain of links.")
    @GetMapping("/{id}/referrals")
    ReferralChain referrals(Member member, @PathVariable String id) {
        return book.referralChain(member, id);
    }

    @Operation(operationId = "recordTouch", summary = "Record a touch",
            description = "Records a contact moment of a given `kind` (with an optional note and time) and announces ContactTouched.",
            responses = @ApiResponse(responseCode = "201", description = "Recorded.", useReturnTypeSchema = true))
    @PostMapping("/{id}/touches")
    @ResponseStatus(HttpStatus.CREATED)
    ContactResponse touch(Member member, @PathVariable String id, @RequestBody TouchRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        TouchKind kind = Fields.requiredOneOf(TouchKind.class, request.kind(), "kind", problems);
        String note = Fields.text(request.note(), "note", Touch.MAX_NOTE, problems);
        Fields.check(problems);
        return ContactResponse.of(book.touch(member, id, kind, note, request.at()));
    }


    @Operation(operationId = "getPoolCoverage", summary = "Get the contact pool's coverage",
            description = "How well the member's contacts cover their target employers and roles.")
    @GetMapping("/coverage")
    PoolCoverage coverage(Member member) {
        return book.coverage(member);
    }

    /** A page of contacts; pass {@code nextCursor} as {@code after} (with the same filters and sort) for the next one. */
    record Page(List<ContactResponse> items, String nextCursor) {
    }

    record StageRequest(String stage, @Schema(maxLength = Contact.MAX_REASON) String reason) {

        ContactStage stageValue() {
            List<FieldProblem> problems = new ArrayList<>();
            ContactStage value = Fields.requiredOneOf(ContactStage.class, stage, "stage", problems);
            Fields.text(reason, "reason", Contact.MAX_REASON, problems);
            Fields.check(problems);
            return value;
        }
    }

    record TouchRequest(String kind, @Schema(maxLength = Touch.MAX_NOTE) String note, Instant at) {
    }
}
