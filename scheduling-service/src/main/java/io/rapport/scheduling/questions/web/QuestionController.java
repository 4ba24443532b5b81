package io.rapport.scheduling.questions.web;

import io.rapport.platform.domain.Member;
import io.rapport.scheduling.questions.Question;
import io.rapport.scheduling.questions.QuestionBank;
import io.rapport.scheduling.questions.QuestionPlan;
import io.rapport.scheduling.questions.QuestionPlanner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The question bank and the question plan of each interview. */
@Tag(name = "Questions", description = "The question bank and the question plan of each interview.")
@RestController
class QuestionController {

    private final QuestionBank bank;
    private final QuestionPlanner planner;

    QuestionController(QuestionBank bank, QuestionPlanner planner) {
        this.bank = bank;
        this.planner = planner;
    }

    record QuestionResponse(String id, String text, String category, String tiara, String source, boolean seeded) {

        static QuestionResponse of(Question q) {
            return new QuestionResponse(q.id(), q.text(), q.category().name(), q.tiara() == null ? null : q.tiara().name(),
                    q.source(), q.seeded());
        }
    }

    record QuestionRequest(@Schema(maxLength = QuestionBank.MAX_TEXT) String text, String category, String tiara) {
    }

    @Operation(operationId = "listQuestions", summary = "List questions",
            description = "The member's question bank, filtered by `category` or TIARA type.")
    @GetMapping("/api/questions")
    List<QuestionResponse> list(Member member, @RequestParam(required = false) String category,
            @RequestParam(required = false) String tiara) {
        return bank.list(member, category, tiara).stream().map(QuestionResponse::of).toList();
    }

    @Operation(operationId = "addQuestion", summary = "Add a question",
            description = "Adds a question to the member's bank.",
            responses = @ApiResponse(responseCode = "201", description = "Created; `Location` names the new record.", useReturnTypeSchema = true))
    @PostMapping("/api/questions")
    ResponseEntity<QuestionResponse> add(Member member, @RequestBody QuestionRequest request) {
        Question question = bank.add(member, request.text(), request.category(), request.tiara());
        return ResponseEntity.created(URI.create("/api/questions/" + question.id())).body(QuestionResponse.of(question));
    }

    record PlanRequest(@ArraySchema(maxItems = QuestionPlanner.MAX_ITEMS) List<QuestionPlanner.Item> items) {
    }

    @Operation(operationId = "getQuestionPlan", summary = "Get an interview's question plan",
            description = "The questions planned for the interview, in order.")
    @GetMapping("/api/interviews/{id}/question-plan")
    QuestionPlan plan(Member member, @PathVariable String id) {
        return planner.plan(member, id);
    }

    @Operation(operationId = "replaceQuestionPlan", summary = "Replace an interview's question plan",
            description = "Replaces the interview's planned questions.")
    @PutMapping("/api/interviews/{id}/question-plan")
    QuestionPlan replace(Member member, @PathVariable String id, @RequestBody PlanRequest request) {
        return planner.replace(member, id, request.items());
    }

    @Operation(operationId = "getQuestionsInAdvance", summary = "Get the questions to send in advance",
            description = "The question plan as plain text, to send to the contact before the interview.",
            responses = @ApiResponse(responseCode = "200", description = "The questions as plain text.", content = @Content(mediaType = "text/plain", schema = @Schema(type = "string"))))
    @GetMapping(value = "/api/interviews/{id}/question-plan/in-advance", produces = MediaType.TEXT_PLAIN_VALUE)
    String inAdvance(Member member, @PathVariable String id) {
        return planner.inAdvance(member, id);
    }
}
