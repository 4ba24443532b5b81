package io.rapport.web.admin;

import io.rapport.web.gateway.ApiProblem;
import io.rapport.web.gateway.FormInput;
import io.rapport.web.gateway.Gateway;
import jakarta.servlet.http.HttpServletResponse;
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
 * The admin's organization: cohorts (define one, add and remove its members, assign an advisor to all of it) and
 * the tenant's minimum group size k of the figures. Every refusal is drawn again with what was typed and the
 * service's message next to its field.
 */
@Controller
class CohortsPage {

    static final int LOWEST_K = 3;
    static final int HIGHEST_K = 1000;

    private final Gateway api;

    CohortsPage(Gateway api) {
        this.api = api;
    }

    @GetMapping("/admin")
    String organization(Model model) {
        model.addAttribute("cohorts", api.list("/api/insights/admin/cohorts"));
        Map<String, Object> settings = api.get("/api/insights/admin/settings");
        model.addAttribute("k", settings.get("minGroupSize"));
        model.addAttribute("lowestK", LOWEST_K);
        model.addAttribute("highestK", HIGHEST_K);
        return "admin";
    }

    @PostMapping("/admin/cohorts")
    String define(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            Map<String, Object> cohort = api.post("/api/insights/admin/cohorts", FormInput.json(form, Set.of("name", "kind"), Set.of()));
            flash.addFlashAttribute("flash", "Cohort " + cohort.get("name") + " defined: add its members.");
            return "redirect:/admin/cohorts/" + cohort.get("id");
        } catch (ApiProblem problem) {
            return refused(problem, form, model, response);
        }
    }

    @PostMapping("/admin/settings")
    String changeK(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            Map<String, Object> settings = api.put("/api/insights/admin/settings",
                    FormInput.json(form, Set.of("minGroupSize"), Set.of("minGroupSize")));
            flash.addFlashAttribute("flash", "Figures are now shown only where at least " + settings.get("minGroupSize")
                    + " members contribute.");
            return "redirect:/admin";
        } catch (ApiProblem problem) {
            return refused(problem, form, model, response);
        }
    }

    private String refused(ApiProblem problem, MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        if (problem.status() >= 500 || problem.isNotFound()) {
            throw problem;
        }
        FormInput.keep(model, form, problem);
        response.setStatus(problem.status());
        return organization(model);
    }

    @GetMapping("/admin/cohorts/{cohortId}")
    String cohort(@PathVariable String cohortId, Model model) {
        Map<String, Object> members = api.get("/api/insights/admin/cohorts/{cohortId}/members", cohortId);
        Map<String, Object> cohort = api.list("/api/insights/admin/cohorts").stream()
                .filter(c -> cohortId.equals(c.get("id"))).findFirst()
                .orElseThrow(() -> new ApiProblem(404, "Not found", null, Map.of()));
        model.addAttribute("cohort", cohort);
        model.addAttribute("members", members.get("members") instanceof List<?> list ? list : List.of());
        return "cohort";
    }

    @PostMapping("/admin/cohorts/{cohortId}/members")
    String addMember(@PathVariable String cohortId, @RequestParam(required = false) String memberId, Model model,
                     RedirectAttributes flash, HttpServletResponse response) {
        return onCohort(cohortId, Map.of("memberId", memberId == null ? "" : memberId), model, flash, response, () -> {
            api.put("/api/insights/admin/cohorts/{cohortId}/members/{memberId}", Map.of(), cohortId, required(memberId, "memberId"));
            return memberId.strip() + " added.";
        });
    }

    @PostMapping("/admin/cohorts/{cohortId}/members/{memberId}/remove")
    String removeMember(@PathVariable String cohortId, @PathVariable String memberId, Model model, RedirectAttributes flash,
                        HttpServletResponse response) {
        return onCohort(cohortId, Map.of(), model, flash, response, () -> {
            api.delete("/api/insights/admin/cohorts/{cohortId}/members/{memberId}", cohortId, memberId);
            return memberId + " removed.";
        });
    }

    @PostMapping("/admin/cohorts/{cohortId}/advisors")
    String assignAdvisor(@PathVariable String cohortId, @RequestParam(required = false) String advisorId, Model model,
                         RedirectAttributes flash, HttpServletResponse response) {
        return onCohort(cohortId, Map.of("advisorId", advisorId == null ? "" : advisorId), model, flash, response, () -> {
            api.put("/api/insights/admin/advisors/{advisorId}/cohorts/{cohortId}", Map.of(), required(advisorId, "advisorId"), cohortId);
            return advisorId.strip() + " is now assigned to every member of this cohort.";
        });
    }

    private String onCohort(String cohortId, Map<String, String> typed, Model model, RedirectAttributes flash,
                            HttpServletResponse response, java.util.function.Supplier<String> change) {
        try {
            flash.addFlashAttribute("flash", change.get());
            return "redirect:/admin/cohorts/" + cohortId;
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || (problem.isNotFound() && problem.fieldErrors().isEmpty())) {
                throw problem;
            }
            model.addAttribute("form", typed);
            model.addAttribute("errors", problem.fieldErrors());
            model.addAttribute("problem", problem);
            response.setStatus(problem.status());
            return cohort(cohortId, model);
        }
    }

    /** A blank id is refused here, naming the field, rather than sent as an empty path segment. */
    static String required(String id, String field) {
        if (id == null || id.isBlank()) {
            throw new ApiProblem(400, "Invalid request", null, Map.of(field, "is required"));
        }
        return id.strip();
    }
}
