package io.rapport.web.admin;

import io.rapport.web.gateway.ApiProblem;
import io.rapport.web.gateway.Gateway;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Which members and cohorts an advisor is assigned to: look an advisor up, assign them a member, end an assignment.
 * (Assigning a whole cohort is on the cohort's page.)
 */
@Controller
class AdvisorsPage {

    private final Gateway api;

    AdvisorsPage(Gateway api) {
        this.api = api;
    }

    @GetMapping("/admin/advisors")
    String advisors(@RequestParam(required = false) String advisorId, Model model) {
        Map<Object, Object> cohortNames = new java.util.HashMap<>();
        api.list("/api/insights/admin/cohorts").forEach(cohort -> cohortNames.put(cohort.get("id"), cohort.get("name")));
        model.addAttribute("cohortNames", cohortNames);
        if (advisorId != null && !advisorId.isBlank()) {
            Map<String, Object> found = api.get("/api/insights/admin/advisors/{advisorId}/assignments", advisorId.strip());
            model.addAttribute("advisorId", advisorId.strip());
            model.addAttribute("assignments", found.get("assignments") instanceof List<?> list ? list : List.of());
        }
        return "advisors";
    }

    @PostMapping("/admin/advisors/assign")
    String assign(@RequestParam(required = false) String advisorId, @RequestParam(required = false) String memberId, Model model,
                  RedirectAttributes flash, HttpServletResponse response) {
        try {
            String advisor = CohortsPage.required(advisorId, "advisorId");
            String member = CohortsPage.required(memberId, "memberId");
            api.put("/api/insights/admin/advisors/{advisorId}/members/{memberId}", Map.of(), advisor, member);
            flash.addFlashAttribute("flash", advisor + " is now assigned to " + member + ".");
            return "redirect:/admin/advisors?advisorId=" + java.net.URLEncoder.encode(advisor, java.nio.charset.StandardCharsets.UTF_8);
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.fieldErrors().isEmpty()) {
                throw problem;
            }
            model.addAttribute("form", Map.of("advisorId", advisorId == null ? "" : advisorId, "memberId", memberId == null ? "" : memberId));
            model.addAttribute("errors", problem.fieldErrors());
            model.addAttribute("problem", problem);
            response.setStatus(problem.status());
            return advisors(null, model);
        }
    }

    /** Ends one assignment: kind MEMBER or COHORT, as the assignment lists it. */
    @PostMapping("/admin/advisors/unassign")
    String unassign(@RequestParam String advisorId, @RequestParam String kind, @RequestParam String targetId, RedirectAttributes flash) {
        String path = "COHORT".equals(kind) ? "/api/insights/admin/advisors/{advisorId}/cohorts/{targetId}"
                : "/api/insights/admin/advisors/{advisorId}/members/{targetId}";
        api.delete(path, advisorId, targetId);
        flash.addFlashAttribute("flash", "Assignment ended.");
        return "redirect:/admin/advisors?advisorId=" + java.net.URLEncoder.encode(advisorId, java.nio.charset.StandardCharsets.UTF_8);
    }
}
