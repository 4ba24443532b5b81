package io.rapport.contacts.outreach.web;

import io.rapport.contacts.outreach.OutreachDesk;
import io.rapport.contacts.outreach.RenderedDraft;
import io.rapport.contacts.outreach.Template;
import io.rapport.platform.domain.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Templates", description = "Outreach templates with placeholders, rendered for a contact.")
@RestController
@RequestMapping("/api/templates")
class TemplateController {

    private final OutreachDesk desk;

    TemplateController(OutreachDesk desk) {
        this.desk = desk;
    }

    @Operation(operationId = "addTemplate", summary = "Add a template",
            description = "Stores an outreach template; placeholders are written `{{name}}`.",
            responses = @ApiResponse(responseCode = "201", description = "Created; `Location` names the new record.", useReturnTypeSchema = true))
    @PostMapping
    ResponseEntity<TemplateResponse> add(Member member, @RequestBody TemplateRequest request) {
        Template template = desk.add(member, request.name(), request.channel(), request.body());
        return ResponseEntity.created(URI.create("/api/templates/" + template.id())).body(TemplateResponse.of(template));
    }

    @Operation(operationId = "listTemplates", summary = "List templates",
            description = "All the member's outreach templates.")
    @GetMapping
    List<TemplateResponse> list(Member member) {
        return desk.all(member).stream().map(TemplateResponse::of).toList();
    }

    @Operation(operationId = "getTemplate", summary = "Get a template",
            description = "One outreach template of the calling member.")
    @GetMapping("/{id}")
    TemplateResponse get(Member member, @PathVariable String id) {
        return TemplateResponse.of(desk.get(member, id));
    }

    @Operation(operationId = "updateTemplate", summary = "Update a template",
            description = "Replaces the template's name, channel and body.")
    @PutMapping("/{id}")
    TemplateResponse update(Member member, @PathVariable String id, @RequestBody TemplateRequest request) {
        return TemplateResponse.of(desk.update(member, id, request.name(), request.channel(), request.body()));
    }

    @Operation(operationId = "deleteTemplate", summary = "Delete a template",
            description = "Removes the template; outreach already sent with it is kept.",
            responses = @ApiResponse(responseCode = "204", description = "Deleted."))
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Member member, @PathVariable String id) {
        desk.delete(member, id);
        return ResponseEntity.noContent().build();
    }

    /** The template rendered for a contact: missing placeholders are listed, never blanked; the linter's findings come with it. */
    @Operation(operationId = "renderTemplate", summary = "Render a template for a contact",
            description = "The template filled for a contact: missing placeholders are listed, never blanked; the linter's findings come with it.")
    @PostMapping("/{id}/render")
    RenderedDraft render(Member member, @PathVariable String id, @RequestBody RenderRequest request) {
        return desk.render(member, id, request.contactId(), request.purpose(), request.timeFrames());
    }

    record TemplateRequest(@Schema(maxLength = Template.MAX_NAME) String name, String channel,
            @Schema(maxLength = Template.MAX_BODY) String body) {
    }

    record RenderRequest(String contactId, @Schema(maxLength = OutreachDesk.MAX_PURPOSE) String purpose,
            @Schema(maxLength = OutreachDesk.MAX_TIME_FRAMES) String timeFrames) {
    }
}
