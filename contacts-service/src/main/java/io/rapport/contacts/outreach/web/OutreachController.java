package io.rapport.contacts.outreach.web;

import io.rapport.contacts.contacts.Contact;
import io.rapport.contacts.contacts.ContactBook;
import io.rapport.contacts.contacts.OutreachAttempt;
import io.rapport.contacts.contacts.OutreachChannel;
import io.rapport.contacts.contacts.OutreachStatus;
import io.rapport.contacts.contacts.Responsiveness;
import io.rapport.contacts.outreach.LintFinding;
import io.rapport.contacts.outreach.OutreachDesk;
import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Schema;
import io.rapport.platform.domain.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The outreach log of a contact, the linter, and how quickly contacts answer. */
@Tag(name = "Outreach", description = "The outreach log of each contact, the message linter, and how quickly contacts answer.")
@RestController
class OutreachController {

    private final ContactBook book;
    private final OutreachDesk desk;

    OutreachController(ContactBook book, OutreachDesk desk) {
        this.book = book;
        this.desk = desk;
    }

    /**
     * Records an outreach the member sent from their own mail or LinkedIn (→ OutreachSent), with the
     * linter's findings on its text. {@code memberTimeZone} (default UTC) is where reply latency is
     * counted in business days.
     */
    @Operation(operationId = "recordOutreach", summary = "Record an outreach",
            description = "Records an outreach the member sent from their own mail or LinkedIn (announced as OutreachSent), with the linter's findings on its text. `memberTimeZone` (default UTC) is where reply latency is counted in business days.",
            responses = @ApiResponse(responseCode = "201", description = "Created; `Location` names the new record.", useReturnTypeSchema = true))
    @PostMapping("/api/contacts/{id}/outreach")
    ResponseEntity<Recorded> send(Member member, @PathVariable String id, @RequestBody SendRequest request) {
        OutreachChannel channel = Fields.requiredOneOf(OutreachChannel.class, request.channel(), "channel");
        Fields.text(request.text(), "text", OutreachDesk.MAX_TEXT);
        ZoneId zone = zone(request.memberTimeZone());
        var recorded = book.recordOutreach(member, id, channel, request.text(), request.sentAt(), zone);
        Contact contact = recorded.getKey();
        OutreachAttempt attempt = recorded.getValue();
        List<LintFinding> findings = request.text() == null || request.text().isBlank() ? List.of()
                : desk.lint(member, request.text(), channel, contact);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Recorded(attempt, contact.stage().name(), findings));
    }

    /** The contact answered: {@code outcome} REPLIED (default) or DECLINED → OutreachReplied. */
    @Operation(operationId = "recordOutreachReply", summary = "Record a reply",
            description = "The contact answered: `outcome` REPLIED (default) or DECLINED; announced as OutreachReplied.")
    @PostMapping("/api/contacts/{id}/outreach/{outreachId}/reply")
    Recorded reply(Member member, @PathVariable String id, @PathVariable String outreachId,
            @RequestBody ReplyRequest request) {
        Outcome given = Fields.oneOf(Outcome.class, request.outcome(), "outcome");
        OutreachStatus outcome = given == Outcome.DECLINED ? OutreachStatus.DECLINED : OutreachStatus.REPLIED;
        Contact contact = book.recordAnswer(member, id, outreachId, outcome, request.at());
        return new Recorded(attempt(contact, outreachId), contact.stage().name(), List.of());
    }

    @Operation(operationId = "recordNoResponse", summary = "Record no response",
            description = "Marks the outreach as unanswered, so follow-ups stop.")
    @PostMapping("/api/contacts/{id}/outreach/{outreachId}/no-response")
    Recorded noResponse(Member member, @PathVariable String id, @PathVariable String outreachId) {
        Contact contact = book.recordNoResponse(member, id, outreachId);
        return new Recorded(attempt(contact, outreachId), contact.stage().name(), List.of());
    }

    @Operation(operationId = "getOutreachLog", summary = "Get a contact's outreach log",
            description = "Every outreach to the contact with its outcome, and the contact's responsiveness.")
    @GetMapping("/api/contacts/{id}/outreach")
    Log log(Member member, @PathVariable String id) {
        Contact contact = book.get(member, id);
        return new Log(contact.id(), contact.responsiveness(), contact.outreach());
    }

    /** Contacts classed by how quickly they answer: QUICK (within 3 business days), SLOW, NON_RESPONDER. */
    @Operation(operationId = "listResponders", summary = "List contacts by responsiveness",
            description = "Contacts classed by how quickly they answer: QUICK (within 3 business days), SLOW, NON_RESPONDER.")
    @GetMapping("/api/outreach/responders")
    Map<Responsiveness, List<Responder>> responders(Member member) {
        Map<Responsiveness, List<Responder>> classes = new java.util.EnumMap<>(Responsiveness.class);
        for (Responsiveness responsiveness : Responsiveness.values()) {
            classes.put(responsiveness, new java.util.ArrayList<>());
        }
        for (Contact contact : book.all(member)) {
            if (!contact.outreach().isEmpty()) {
                classes.get(contact.responsiveness()).add(new Responder(contact.id(), contact.details().name(),
                        contact.details().employer(), contact.outreach().stream()
                                .map(OutreachAttempt::latencyBusinessDays).filter(java.util.Objects::nonNull)
                                .min(Integer::compare).orElse(null)));
            }
        }
        return classes;
    }

    /** Lints any draft (rendered or free text); with a contactId, personalization is judged against the contact. */
    @Operation(operationId = "lintOutreach", summary = "Lint a draft",
            description = "Lints any draft (rendered or free text) for a job ask, length, a question and personalization; with a `contactId`, personalization is judged against the contact.")
    @PostMapping("/api/outreach/lint")
    Lint lint(Member member, @RequestBody LintRequest request) {
        OutreachChannel channel = Fields.clean(request.channel()) == null ? OutreachChannel.EMAIL
                : Fields.oneOf(OutreachChannel.class, request.channel(), "channel");
        return new Lint(desk.lint(member, request.text(), channel, request.contactId()));
    }

    private static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            if (value.contains("/") || value.equals("UTC")) {
                return ZoneId.of(value.strip());
            }
        } catch (DateTimeException e) {
            // reported below
        }
        throw new InvalidInputException("memberTimeZone", "is not an IANA time zone such as Europe/Berlin");
    }

    private static OutreachAttempt attempt(Contact contact, String outreachId) {
        return contact.outreach().stream().filter(a -> a.id().equals(outreachId)).findFirst().orElseThrow();
    }

    /** The answers a contact can give to an outreach. */
    enum Outcome { REPLIED, DECLINED }

    record SendRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"EMAIL", "LINKEDIN", "PHONE", "OTHER"},
                    description = "Also accepted in lower case") String channel,
            @Schema(maxLength = OutreachDesk.MAX_TEXT) String text,
            Instant sentAt,
            @Schema(description = "An IANA time zone; UTC when absent", example = "America/Chicago") String memberTimeZone) {
    }

    record ReplyRequest(@Schema(allowableValues = {"REPLIED", "DECLINED"}) String outcome, Instant at) {
    }

    record LintRequest(@Schema(maxLength = OutreachDesk.MAX_TEXT) String text, String channel, String contactId) {
    }

    record Recorded(OutreachAttempt outreach, String contactStage, List<LintFinding> findings) {
    }

    record Log(String contactId, Responsiveness responsiveness, List<OutreachAttempt> items) {
    }

    record Responder(String contactId, String name, String employer, Integer fastestReplyBusinessDays) {
    }

    record Lint(List<LintFinding> findings) {
    }
}
