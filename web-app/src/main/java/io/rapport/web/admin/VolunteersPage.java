package io.rapport.web.admin;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' signals and directory: contacts over-asked by the organization's members (never which members), and
 * the alumni who volunteer for informational interviews, each with a monthly cap on requests.
 */
@Controller
class VolunteersPage {

    static final Set<String> FIELDS = Set.of("name", "email", "employer", "role", "industry", "monthlyCap");
    static final int MAX_CAP = 100;
    static final int MAX_TOPICS = 20;

    private final Gateway api;

    VolunteersPage(Gateway api) {
        this.api = api;
    }

    @GetMapping("/admin/over-asked")
    String overAsked(Model model) {
        model.addAttribute("signals", api.list("/api/insights/admin/over-asked"));
        return "over-asked";
    }

    @GetMapping("/admin/volunteers")
    String volunteers(Model model) {
        model.addAttribute("volunteers", api.list("/api/insights/admin/volunteers"));
        model.addAttribute("maxCap", MAX_CAP);
        model.addAttribute("maxTopics", MAX_TOPICS);
        return "volunteers";
    }

    @PostMapping("/admin/volunteers")
    String register(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes flash, HttpServletResponse response) {
        Map<String, Object> json = new LinkedHashMap<>(FormInput.json(form, FIELDS, Set.of("monthlyCap")));
        json.put("topics", topics(form.getFirst("topics")));
        try {
            Map<String, Object> made = api.post("/api/insights/admin/volunteers", json);
            flash.addFlashAttribute("flash", made.get("name") + " added to the directory.");
            return "redirect:/admin/volunteers";
        } catch (ApiProblem problem) {
            if (problem.status() >= 500) {
                throw problem;
            }
            FormInput.keep(model, form, problem);
            response.setStatus(problem.status());
            return volunteers(model);
        }
    }

    /** Topics typed one per comma: "grid storage, moving to industry". */
    static List<String> topics(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split(",")).map(String::strip).filter(topic -> !topic.isEmpty()).toList();
    }
}
