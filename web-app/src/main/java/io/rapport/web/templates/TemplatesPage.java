package io.rapport.web.templates;

import io.rapport.web.gateway.ApiProblem;
import io.rapport.web.gateway.FormInput;
import io.rapport.web.gateway.Gateway;
import jakarta.servlet.http.HttpServletResponse;
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
 * The member's reusable outreach messages (contacts-service's templates): a purpose, a few targeted questions and a
 * clear request for time, written once with {@code {{placeholders}}} that the composer fills for each contact.
 */
@Controller
class TemplatesPage {

    private final Gateway api;

    TemplatesPage(Gateway api) {
        this.api = api;
    }

    @GetMapping("/templates")
    String templates(Model model) {
        model.addAttribute("templates", api.list("/api/templates"));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", java.util.Map.of("channel", "EMAIL", "body",
                    "Hi {{firstName}}, {{hook}} I am exploring {{purpose}} and would value your view on how you moved into"
                            + " {{role}} at {{employer}}. Would you have 20 minutes {{timeFrames}} for a short call?"));
        }
        return "templates";
    }

    @PostMapping("/templates")
    String add(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes flash,
               HttpServletResponse response) {
        try {
            api.post("/api/templates", FormInput.json(form, Set.of("name", "channel", "body"), Set.of()));
            flash.addFlashAttribute("flash", "Template saved: choose it when you write to a contact.");
            return "redirect:/templates";
        } catch (ApiProblem problem) {
            if (problem.status() >= 500) {
                throw problem;
            }
            FormInput.keep(model, form, problem);
            response.setStatus(problem.status());
            return templates(model);
        }
    }

    @PostMapping("/templates/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes flash) {
        api.delete("/api/templates/{id}", id);
        flash.addFlashAttribute("flash", "Template deleted; outreach already sent with it is kept.");
        return "redirect:/templates";
    }
}
