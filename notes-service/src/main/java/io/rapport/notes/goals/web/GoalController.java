package io.rapport.notes.goals.web;

import io.rapport.notes.goals.Goal;
import io.rapport.notes.goals.GrowthPlan;
import io.rapport.notes.goals.Progress;
import io.rapport.platform.domain.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The growth plan: goals linked to themes, progress updates, and the quarterly review. */
@Tag(name = "Goals", description = "The growth plan: goals linked to themes, progress updates, and the quarterly review.")
@RestController
@RequestMapping("/api/goals")
class GoalController {

    private final GrowthPlan plan;
    private final Clock clock;

    GoalController(GrowthPlan plan, Clock clock) {
        this.plan = plan;
        this.clock = clock;
    }

    @Operation(operationId = "createGoal", summary = "Create a goal",
            description = "Adds a goal to the member's growth plan, optionally linked to a theme, with a due date or quarter.",
            responses = @ApiResponse(responseCode = "201", description = "Created; `Location` names the new record.", useReturnTypeSchema = true))
    @PostMapping
    ResponseEntity<GoalResponse> create(Member member, @RequestBody GoalRequest request) {
        Goal goal = plan.create(member, request.title(), request.themes(), request.metric(), request.target(),
                request.dueOn(), request.quarter());
        return ResponseEntity.created(URI.create("/api/goals/" + goal.id())).body(GoalResponse.of(goal, clock.instant()));
    }

    @Operation(operationId = "listGoals", summary = "List goals",
            description = "The goals of the member's growth plan.")
    @GetMapping
    List<GoalResponse> list(Member member) {
        return plan.list(member).stream().map(goal -> GoalResponse.of(goal, clock.instant())).toList();
    }

    @Operation(operationId = "getGoal", summary = "Get a goal",
            description = "One goal with its progress updates.")
    @GetMapping("/{id}")
    GoalResponse get(Member member, @PathVariable String id) {
        return GoalResponse.of(plan.get(member, id), clock.instant());
    }

    @Operation(operationId = "recordGoalProgress", summary = "Record progress on a goal",
            description = "Adds a progress update to the goal.")
    @PostMapping("/{id}/progress")
    GoalResponse progress(Member member, @PathVariable String id, @RequestBody ProgressRequest request) {
        return GoalResponse.of(plan.updateProgress(member, id, request.value(), request.note()), clock.instant());
    }

    /** The quarterly review; without {@code quarter}, the current one. */
    @Operation(operationId = "getQuarterlyReview", summary = "Get the quarterly review",
            description = "The review of a quarter's goals; without `quarter`, the current one.")
    @GetMapping("/review")
    Review review(Member member, @RequestParam(required = false) String quarter) {
        String reviewed = quarter == null ? plan.currentQuarter() : quarter;
        return new Review(reviewed, plan.behindSchedule(member, reviewed).stream()
                .map(goal -> GoalResponse.of(goal, clock.instant())).toList());
    }

    record GoalRequest(@Schema(maxLength = Goal.MAX_TEXT) String title,
            @ArraySchema(maxItems = Goal.MAX_THEMES, schema = @Schema(maxLength = Goal.MAX_TEXT)) List<String> themes,
            @Schema(maxLength = Goal.MAX_TEXT) String metric,
            @Schema(minimum = "0.01", maximum = "1000000") Double target, LocalDate dueOn,
            @Schema(example = "2026-Q4") String quarter) {
    }

    record ProgressRequest(@Schema(minimum = "0", maximum = "1000000") Double value,
            @Schema(maxLength = Goal.MAX_NOTE) String note) {
    }

    record Review(String quarter, List<GoalResponse> behindSchedule) {
    }

    record GoalResponse(String id, String title, List<String> themes, String metric, double target, double current,
            double expectedByNow, boolean behindSchedule, LocalDate dueOn, String quarter, String actionItemId,
            List<Progress> progress, Instant createdAt) {
        static GoalResponse of(Goal goal, Instant now) {
            return new GoalResponse(goal.id(), goal.title(), goal.themes(), goal.metric(), goal.target(), goal.current(),
                    Math.round(goal.expectedByNow(now) * 100) / 100.0, goal.behindSchedule(now), goal.dueOn(),
                    goal.quarter(), goal.actionItemId(), goal.progress(), goal.createdAt());
        }
    }
}
