package io.rapport.web.sharing;

import io.rapport.web.gateway.ApiProblem;
import io.rapport.web.gateway.Gateway;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organization's alumni volunteers as a member sees them (no e-mail, how many requests each still takes this
 * month): asking one makes them a contact; a full month, or a second ask, is refused with the service's own words.
 */
@Controller
class AlumniPage {

    private final Gateway api;

    AlumniPage(Gateway api) {
        this.api = api;
    }

    @GetMapping("/volunteers")
    String volunteers(Model model) {
        model.addAttribute("volunteers", api.list("/api/insights/volunteers"));
        return "alumni";
    }

    @PostMapping("/volunteers/{volunteerId}/requests")
    String request(@PathVariable String volunteerId, Model model,
                   RedirectAttributes flash, HttpServletResponse response) {
        try {
            Map<String, Object> requested = api.post("/api/insights/volunteers/{volunteerId}/requests", null, volunteerId);
            flash.addFlashAttribute("flash", "Asked " + requested.get("name") + ": they will be among your contacts in a moment.");
            return "redirect:/volunteers";
        } catch (ApiProblem problem) {
            if (problem.status() != 409) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            model.addAttribute("refused", volunteerId);
            response.setStatus(problem.status());
            return volunteers(model);
        }
    }
}
