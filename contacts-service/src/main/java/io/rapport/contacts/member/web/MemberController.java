package io.rapport.contacts.member.web;

import io.rapport.contacts.contacts.web.ContactResponse;
import io.rapport.contacts.employers.web.EmployerResponse;
import io.rapport.contacts.member.MemberData;
import io.rapport.contacts.mailbox.MailboxConnection;
import io.rapport.contacts.member.MemberExport;
import io.rapport.contacts.outreach.web.TemplateResponse;
import io.rapport.platform.domain.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Member data", description = "The member's own data: export and erasure.")
@RestController
@RequestMapping("/api/me")
class MemberController {

    private final MemberData memberData;

    MemberController(MemberData memberData) {
        this.memberData = memberData;
    }

    /** Accepted: every service (this one included) erases the member's data as MemberDataErased reaches it. */
    @Operation(operationId = "eraseMemberData", summary = "Erase all the member's data",
            description = "Accepted: announces MemberDataErased, and every service erases the member's data as the event reaches it.",
            responses = @ApiResponse(responseCode = "202", description = "Erasure requested; every service erases as the event reaches it.", useReturnTypeSchema = true))
    @DeleteMapping
    ResponseEntity<Map<String, Object>> erase(Member member) {
        Instant requestedAt = memberData.requestErasure(member);
        return ResponseEntity.accepted().body(Map.of("memberId", member.memberId(), "requestedAt", requestedAt,
                "status", "ERASURE_REQUESTED"));
    }

    @Operation(operationId = "exportContactsData", summary = "Export the member's contacts data",
            description = "Everything contacts-service holds of the calling member, as JSON.")
    @GetMapping("/export")
    Export export(Member member) {
        MemberExport export = memberData.export(member);
        return new Export(export.memberId(), export.tenantId(), export.exportedAt(),
                export.contacts().stream().map(ContactResponse::of).toList(),
                export.employers().stream().map(EmployerResponse::of).toList(),
                export.templates().stream().map(TemplateResponse::of).toList(), export.mailbox());
    }

    record Export(String memberId, String tenantId, Instant exportedAt, List<ContactResponse> contacts,
            List<EmployerResponse> employers, List<TemplateResponse> templates,
            @Schema(description = "The mailbox connection as GET /api/mailbox shows it (never the password); null when none")
            MailboxConnection mailbox) {
    }
}
