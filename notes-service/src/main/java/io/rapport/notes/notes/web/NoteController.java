package io.rapport.notes.notes.web;

import io.rapport.notes.notes.NoteBook;
import io.rapport.notes.notes.NoteContent;
import io.rapport.notes.notes.NoteRecord;
import io.rapport.notes.notes.ThankYouDraft;
import io.rapport.platform.domain.Member;
import io.rapport.notes.notes.ActionItem;
import io.rapport.notes.notes.Preparation;
import io.rapport.notes.notes.Referral;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Notes of the member's interviews: preparation, consented entries, action items, referrals, the thank-you. */
@Tag(name = "Notes", description = "Notes of the member's interviews: preparation, consented entries, action items, referrals, the thank-you.")
@RestController
@RequestMapping("/api/notes")
class NoteController {

    private final NoteBook book;

    NoteController(NoteBook book) {
        this.book = book;
    }

    @Operation(operationId = "listNotes", summary = "List interview notes",
            description = "The notes of the member's interviews.")
    @GetMapping
    List<NoteRecordResponse> list(Member member) {
        return book.list(member).stream().map(NoteRecordResponse::of).toList();
    }

    @Operation(operationId = "getNotes", summary = "Get an interview's notes",
            description = "The notes of one interview: preparation, entries, action items, referrals and the thank-you.")
    @GetMapping("/{interviewId}")
    NoteRecordResponse get(Member member, @PathVariable String interviewId) {
        return NoteRecordResponse.of(book.get(member, interviewId));
    }

    @Operation(operationId = "prepareNotes", summary = "Write the preparation",
            description = "Replaces the interview's preparation notes.")
    @PutMapping("/{interviewId}/preparation")
    NoteRecordResponse prepare(Member member, @PathVariable String interviewId, @RequestBody PreparationRequest request) {
        return NoteRecordResponse.of(book.prepare(member, interviewId, request.industry(), request.organization(),
                request.person()));
    }

    @Operation(operationId = "recordNotes", summary = "Record the conversation",
            description = "Records what was said, with the contact's consent; announced as NoteRecorded.")
    @PutMapping("/{interviewId}")
    NoteRecordResponse record(Member member, @PathVariable String interviewId, @RequestBody NotesRequest request) {
        NoteContent content = NoteContent.of(request.contactName(), request.employer(), request.role(),
                request.consent(), request.permissionToShare(), request.entries(), request.takeaways(), request.advice());
        return NoteRecordResponse.of(book.record(member, interviewId, content));
    }

    @Operation(operationId = "addActionItem", summary = "Add an action item",
            description = "Adds a follow-up action item to the interview's notes; announced as ActionItemCreated.",
            responses = @ApiResponse(responseCode = "201", description = "Created; `Location` names the action item.", useReturnTypeSchema = true))
    @PostMapping("/{interviewId}/action-items")
    ResponseEntity<NoteRecordResponse> addActionItem(Member member, @PathVariable String interviewId,
            @RequestBody ActionItemRequest request) {
        NoteRecord record = book.addActionItem(member, interviewId, request.text(), request.dueOn());
        String id = record.actionItems().getLast().id();
        return ResponseEntity.created(URI.create("/api/notes/" + interviewId + "/action-items/" + id))
                .body(NoteRecordResponse.of(record));
    }

    @Operation(operationId = "completeActionItem", summary = "Complete an action item",
            description = "Marks the action item done; announced as ActionItemCompleted.")
    @PostMapping("/{interviewId}/action-items/{actionItemId}/completion")
    NoteRecordResponse completeActionItem(Member member, @PathVariable String interviewId,
            @PathVariable String actionItemId) {
        return NoteRecordResponse.of(book.completeActionItem(member, interviewId, actionItemId));
    }

    @Operation(operationId = "addReferral", summary = "Record a referral",
            description = "Records a person the contact referred the member to; announced as ReferralRecorded.",
            responses = @ApiResponse(responseCode = "201", description = "Recorded.", useReturnTypeSchema = true))
    @PostMapping("/{interviewId}/referrals")
    ResponseEntity<NoteRecordResponse> addReferral(Member member, @PathVariable String interviewId,
            @RequestBody ReferralRequest request) {
        NoteRecord record = book.addReferral(member, interviewId, request.name(), request.employer(), request.role(),
                request.mayUseReferrerName());
        return ResponseEntity.created(URI.create("/api/notes/" + interviewId))
                .body(NoteRecordResponse.of(record));
    }

    @Operation(operationId = "getThankYou", summary = "Get the thank-you draft",
            description = "The thank-you message drafted from the interview's notes.")
    @GetMapping("/{interviewId}/thank-you")
    ThankYouDraftResponse thankYou(Member member, @PathVariable String interviewId) {
        NoteRecord record = book.get(member, interviewId);
        return ThankYouDraftResponse.of(book.thankYouDraft(member, interviewId), record);
    }

    @Operation(operationId = "editThankYou", summary = "Edit the thank-you",
            description = "Replaces the thank-you draft's text.")
    @PutMapping("/{interviewId}/thank-you")
    ThankYouDraftResponse editThankYou(Member member, @PathVariable String interviewId,
            @RequestBody ThankYouEditRequest request) {
        NoteRecord record = book.editThankYou(member, interviewId, request.text());
        return ThankYouDraftResponse.of(record.thankYouDraft(), record);
    }

    @Operation(operationId = "markThankYouSent", summary = "Mark the thank-you sent",
            description = "Records that the member sent the thank-you; announced as ThankYouSent.")
    @PostMapping("/{interviewId}/thank-you/sent")
    NoteRecordResponse markThankYouSent(Member member, @PathVariable String interviewId,
            @RequestBody ThankYouSentRequest request) {
        return NoteRecordResponse.of(book.markThankYouSent(member, interviewId, request.channel(), request.sentAt()));
    }

    record PreparationRequest(@Schema(maxLength = Preparation.MAX_TEXT) String industry,
            @Schema(maxLength = Preparation.MAX_TEXT) String organization,
            @Schema(maxLength = Preparation.MAX_TEXT) String person) {
    }

    record NotesRequest(@Schema(maxLength = NoteContent.MAX_NAME) String contactName,
            @Schema(maxLength = NoteContent.MAX_NAME) String employer, @Schema(maxLength = NoteContent.MAX_NAME) String role,
            String consent, Boolean permissionToShare,
            @ArraySchema(maxItems = NoteContent.MAX_ENTRIES) List<NoteContent.EntryInput> entries,
            @ArraySchema(maxItems = NoteContent.MAX_TAKEAWAYS, schema = @Schema(maxLength = NoteContent.MAX_TAKEAWAY))
            List<String> takeaways,
            @Schema(maxLength = NoteContent.MAX_ADVICE) String advice) {
    }

    record ActionItemRequest(@Schema(maxLength = ActionItem.MAX_TEXT) String text, LocalDate dueOn) {
    }

    record ReferralRequest(@Schema(maxLength = Referral.MAX_NAME) String name,
            @Schema(maxLength = Referral.MAX_NAME) String employer, @Schema(maxLength = Referral.MAX_NAME) String role,
            Boolean mayUseReferrerName) {
    }

    record ThankYouEditRequest(@Schema(maxLength = ThankYouDraft.MAX_CHARACTERS,
            description = "Under " + ThankYouDraft.MAX_WORDS + " words") String text) {
    }

    record ThankYouSentRequest(String channel, Instant sentAt) {
    }

    record ThankYouDraftResponse(String draft, int words, int maxWords, boolean edited, boolean sent,
            List<String> warnings) {
        static ThankYouDraftResponse of(String draft, NoteRecord record) {
            return new ThankYouDraftResponse(draft, ThankYouDraft.words(draft), ThankYouDraft.MAX_WORDS,
                    record.thankYou().editedDraft() != null, record.thankYou().sent(), ThankYouDraft.warnings(draft));
        }
    }
}
