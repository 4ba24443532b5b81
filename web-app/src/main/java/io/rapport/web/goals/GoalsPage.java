package io.rapport.web.goals;

import io.rapport.web.gateway.ApiProblem;
import io.rapport.web.gateway.FormInput;
import io.rapport.web.gateway.Gateway;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's growth plan (notes-service's goals): what the interviews taught them to work on, measured, with a due
 * date — added here, and moved forward with progress updates. Each goal shows how far along it is against where an
 * even pace would be by now.
 */
@Controller
class GoalsPage {

    private final Gateway api;

    GoalsPage(Gateway api) {
        this.api = api;
    }

    @GetMapping("/goals")
    String goals(Model model) {
        model.addAttribute("goals", api.list("/api/goals"));
        return "goals";
    }

    @PostMapping("/goals")
    String add(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes flash,
               HttpServletResponse response) {
        try {
            api.post("/api/goals", goal(form));
            flash.addFlashAttribute("flash", "Goal added: " + form.getFirst("title").strip() + ".");
            return "redirect:/goals";
        } catch (ApiProblem problem) {
            return refused(problem, form, model, response);
        }
    }

    @PostMapping("/goals/{id}/progress")
    String progress(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model,
                    RedirectAttributes flash, HttpServletResponse response) {
        try {
            Map<String, Object> body = FormInput.json(form, Set.of("note"), Set.of());
            body.put("value", decimal(form.getFirst("value")));
            api.post("/api/goals/{id}/progress", body, id);
            flash.addFlashAttribute("flash", "Progress recorded.");
            return "redirect:/goals";
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                throw problem;
            }
            Map<String, String> onThisGoal = new LinkedHashMap<>();
            problem.fieldErrors().forEach((field, message) -> onThisGoal.put(id + "-" + field, message));
            FormInput.keep(model, form, new ApiProblem(problem.status(), problem.title(), problem.detail(), onThisGoal));
            model.addAttribute("progressFor", id);
            response.setStatus(problem.status());
            return goals(model);
        }
    }

    /** The form as the API's goal: themes comma-separated, the target a number when it reads as one. */
    static Map<String, Object> goal(MultiValueMap<String, String> form) {
        Map<String, Object> goal = FormInput.json(form, Set.of("title", "metric", "dueOn", "quarter"), Set.of());
        if (form.getFirst("target") != null && !form.getFirst("target").isBlank()) {
            goal.put("target", decimal(form.getFirst("target")));
        }
        String themes = form.getFirst("themes");
        goal.put("themes", themes == null ? List.of() : Arrays.stream(themes.split(",")).map(String::strip)
                .filter(theme -> !theme.isEmpty()).toList());
        return goal;
    }

    private String refused(ApiProblem problem, MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        if (problem.status() >= 500) {
            throw problem;
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        problem.fieldErrors().forEach((field, message) -> renamed.merge(field.startsWith("themes") ? "themes" : field,
                message, (first, second) -> first + "; " + second));
        FormInput.keep(model, form, new ApiProblem(problem.status(), problem.title(), problem.detail(), renamed));
        response.setStatus(problem.status());
        return goals(model);
    }

    /** A number when it reads as one (a comma as the decimal mark too); otherwise as typed, for the API to name. */
    private static Object decimal(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip().replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            return value;
        }
    }
}
