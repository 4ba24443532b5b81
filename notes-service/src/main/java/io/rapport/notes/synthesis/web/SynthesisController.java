package io.rapport.notes.synthesis.web;

import io.rapport.notes.notes.Category;
import io.rapport.notes.synthesis.Perspectives;
import io.rapport.notes.synthesis.Synthesis;
import io.rapport.notes.synthesis.InterviewInsights;
import io.rapport.notes.synthesis.Theme;
import io.rapport.platform.domain.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Themes across the member's interviews, skill gaps, side-by-side views and the mentor export. */
@Tag(name = "Synthesis", description = "Themes across the member's interviews, skill gaps, side-by-side views and the mentor export.")
@RestController
@RequestMapping("/api/synthesis")
class SynthesisController {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

    private final InterviewInsights synthesis;

    SynthesisController(InterviewInsights synthesis) {
        this.synthesis = synthesis;
    }

    @Operation(operationId = "getSynthesis", summary = "Get the synthesis",
            description = "Themes across the member's interviews, with how often and where each came up.")
    @GetMapping
    SynthesisResponse get(Member member) {
        Synthesis current = synthesis.current(member);
        Map<String, List<Theme>> themes = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            List<Theme> found = current.themes().get(category);
            if (found != null) {
                themes.put(category.name(), found);
            }
        }
        return new SynthesisResponse(current.interviewCount(), current.entryCount(), current.themeCount(), themes,
                current.skillGaps());
    }

    @Operation(operationId = "listSkillGaps", summary = "List skill gaps",
            description = "Skills the interviews asked for that the member's profile lacks.")
    @GetMapping("/skill-gaps")
    List<Theme> skillGaps(Member member) {
        return synthesis.current(member).skillGaps();
    }

    @Operation(operationId = "getSynthesisByEmployer", summary = "Compare employers",
            description = "Themes side by side per employer.")
    @GetMapping("/by-employer")
    List<Perspectives.Group> byEmployer(Member member) {
        return synthesis.byEmployer(member);
    }

    @Operation(operationId = "getSynthesisByRole", summary = "Compare roles",
            description = "Themes side by side per role.")
    @GetMapping("/by-role")
    List<Perspectives.Group> byRole(Member member) {
        return synthesis.byRole(member);
    }

    @Operation(operationId = "exportSynthesis", summary = "Export the synthesis for a mentor",
            description = "The synthesis as a Markdown document; `hideEmployers` leaves employer names out.",
            responses = @ApiResponse(responseCode = "200", description = "The synthesis as Markdown.", content = @Content(mediaType = "text/markdown", schema = @Schema(type = "string"))))
    @GetMapping("/export.md")
    ResponseEntity<String> export(Member member, @RequestParam(defaultValue = "false") boolean showEmployers) {
        return ResponseEntity.ok().contentType(MARKDOWN)
                .header("Content-Disposition", "attachment; filename=\"synthesis.md\"")
                .body(synthesis.markdown(member, showEmployers));
    }

    record SynthesisResponse(int interviewCount, int entryCount, int themeCount, Map<String, List<Theme>> themes,
            List<Theme> skillGaps) {
    }
}
