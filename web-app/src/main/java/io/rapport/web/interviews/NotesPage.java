package io.rapport.web.interviews;

import io.rapport.web.gateway.ApiProblem;
import io.rapport.web.gateway.FormInput;
import io.rapport.web.gateway.Gateway;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
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
 * After the conversation: consent first, then notes by category (sensitive ones marked), takeaways and advice; and
 * the thank-you drafted from the takeaways, edited and marked as sent.
 */
@Controller
class NotesPage {

    static final int ENTRY_ROWS = 3;

    private final Gateway api;
    private final InterviewsPage interviews;

    NotesPage(Gateway api, InterviewsPage interviews) {
        this.api = api;
        this.interviews = interviews;
    }

    @PostMapping("/interviews/{id}/notes")
    String saveNotes(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model,
                     RedirectAttributes flash, HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>(FormInput.json(form,
                Set.of("contactName", "employer", "role", "consent", "advice"), Set.of()));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < ENTRY_ROWS; i++) {
            String text = form.getFirst("entry" + i + "-text");
            if (text != null && !text.isBlank()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("category", form.getFirst("entry" + i + "-category"));
                entry.put("text", text);
                entry.put("sensitive", form.containsKey("entry" + i + "-sensitive"));
                entries.add(entry);
            }
        }
        body.put("entries", entries);
        String takeaways = form.getFirst("takeaways");
        body.put("takeaways", takeaways == null ? List.of() : Arrays.stream(takeaways.split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList());
        body.put("permissionToShare", form.containsKey("permissionToShare"));
        try {
            api.put("/api/notes/{id}", body, id);
            flash.addFlashAttribute("flash", "Notes saved.");
            return "redirect:/interviews/" + id;
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.isNotFound()) {
                throw problem;
            }
            FormInput.keep(model, form, problem);
            model.addAttribute("editingNotes", true);
            response.setStatus(problem.status());
            return interviews.interview(id, model);
        }
    }

    /** Someone they suggested talking to: contacts-service adds them as a contact referred by this one. */
    @PostMapping("/interviews/{id}/referrals")
    String addReferral(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model,
                       RedirectAttributes flash, HttpServletResponse response) {
        Map<String, Object> body = FormInput.json(unprefixed(form, "referral-"), Set.of("name", "employer", "role"), Set.of());
        body.put("mayUseReferrerName", form.containsKey("referral-mayUseReferrerName"));
        return afterward(id, () -> api.post("/api/notes/{id}/referrals", body, id), "referral-",
                "Referral recorded: they are now among your contacts.", form, model, flash, response);
    }

    /** Something to do because of the conversation, with a date: it comes back as a reminder. */
    @PostMapping("/interviews/{id}/action-items")
    String addActionItem(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model,
                         RedirectAttributes flash, HttpServletResponse response) {
        Map<String, Object> body = FormInput.json(unprefixed(form, "action-"), Set.of("text", "dueOn"), Set.of());
        return afterward(id, () -> api.post("/api/notes/{id}/action-items", body, id), "action-",
                "Action item added; you will be reminded on its date.", form, model, flash, response);
    }

    @PostMapping("/interviews/{id}/action-items/{itemId}/done")
    String completeActionItem(@PathVariable String id, @PathVariable String itemId, RedirectAttributes flash) {
        api.post("/api/notes/{id}/action-items/{itemId}/completion", null, id, itemId);
        flash.addFlashAttribute("flash", "Action item done.");
        return "redirect:/interviews/" + id;
    }

    /** A refusal is shown on the interview's page, its field messages next to the form's own (prefixed) fields. */
    private String afterward(String id, Runnable call, String prefix, String done, MultiValueMap<String, String> form,
                             Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            call.run();
            flash.addFlashAttribute("flash", done);
            return "redirect:/interviews/" + id;
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.isNotFound()) {
                throw problem;
            }
            Map<String, String> renamed = new LinkedHashMap<>();
            problem.fieldErrors().forEach((field, message) -> renamed.put(prefix + field, message));
            FormInput.keep(model, form, new ApiProblem(problem.status(), problem.title(), problem.detail(), renamed));
            response.setStatus(problem.status());
            return interviews.interview(id, model);
        }
    }

    private static MultiValueMap<String, String> unprefixed(MultiValueMap<String, String> form, String prefix) {
        MultiValueMap<String, String> fields = new org.springframework.util.LinkedMultiValueMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(prefix)) {
                fields.put(name.substring(prefix.length()), values);
            }
        });
        return fields;
    }

    @GetMapping("/interviews/{id}/thank-you")
    String thankYou(@PathVariable String id, Model model) {
        model.addAttribute("interview", api.get("/api/interviews/{id}", id));
        Map<String, Object> draft = api.get("/api/notes/{id}/thank-you", id);
        model.addAttribute("draft", draft);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("text", String.valueOf(draft.get("draft")), "channel", "EMAIL"));
        }
        return "thank-you";
    }

    @PostMapping("/interviews/{id}/thank-you")
    String editThankYou(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model,
                        RedirectAttributes flash, HttpServletResponse response) {
        try {
            api.put("/api/notes/{id}/thank-you", FormInput.json(form, Set.of("text"), Set.of()), id);
            flash.addFlashAttribute("flash", "Draft saved.");
            return "redirect:/interviews/" + id + "/thank-you";
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.isNotFound()) {
                throw problem;
            }
            FormInput.keep(model, form, problem);
            response.setStatus(problem.status());
            return thankYou(id, model);
        }
    }

    @PostMapping("/interviews/{id}/thank-you/sent")
    String thankYouSent(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model,
                        RedirectAttributes flash, HttpServletResponse response) {
        try {
            api.post("/api/notes/{id}/thank-you/sent", FormInput.json(form, Set.of("channel"), Set.of()), id);
            flash.addFlashAttribute("flash", "Thank-you recorded as sent. The keep-in-touch reminders are planned.");
            return "redirect:/interviews/" + id;
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.isNotFound()) {
                throw problem;
            }
            FormInput.keep(model, form, problem);
            response.setStatus(problem.status());
            return thankYou(id, model);
        }
    }
}
