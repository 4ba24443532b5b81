package io.rapport.web.employers;

import io.rapport.web.gateway.ApiProblem;
import io.rapport.web.gateway.FormInput;
import io.rapport.web.gateway.Gateway;
import jakarta.servlet.http.HttpServletResponse;
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
 * The LAMP list: target employers ranked by Motivation, then Posting, then Advocacy (the service ranks them); the
 * first five are the working set. Each row is edited in place.
 */
@Controller
class EmployersPage {

    static final Set<String> FIELDS = Set.of("name", "industry", "website", "notes", "motivation", "posting");
    static final Set<String> NUMBERS = Set.of("motivation", "posting");
    static final int WORKING_SET = 5;

    private final Gateway api;

    EmployersPage(Gateway api) {
        this.api = api;
    }

    @GetMapping("/employers")
    String employers(Model model) {
        model.addAttribute("employers", api.list("/api/employers?top=100"));
        model.addAttribute("workingSet", WORKING_SET);
        return "employers";
    }

    @PostMapping("/employers")
    String add(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            Map<String, Object> made = api.post("/api/employers", FormInput.json(form, FIELDS, NUMBERS));
            flash.addFlashAttribute("flash", "Added " + made.get("name") + ".");
            return "redirect:/employers";
        } catch (ApiProblem problem) {
            if (problem.status() >= 500) {
                throw problem;
            }
            FormInput.keep(model, form, problem);
            response.setStatus(problem.status());
            return employers(model);
        }
    }

    @PostMapping("/employers/{id}")
    String update(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes flash,
                  HttpServletResponse response) {
        try {
            Map<String, Object> saved = api.put("/api/employers/{id}", FormInput.json(form, FIELDS, NUMBERS), id);
            flash.addFlashAttribute("flash", "Saved " + saved.get("name") + ".");
            return "redirect:/employers";
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.isNotFound()) {
                throw problem;
            }
            FormInput.keep(model, form, problem);
            model.addAttribute("editing", id);
            response.setStatus(problem.status());
            return employers(model);
        }
    }
}
