package io.rapport.web.contacts;

import io.rapport.web.gateway.ApiProblem;
import io.rapport.web.gateway.FormInput;
import io.rapport.web.gateway.Gateway;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Writing to a contact: the draft is linted by the contacts service as the member types (htmx posts it after a pause),
 * and each finding is shown with the words it points to marked in the draft. Sending records the outreach, which
 * starts the 3B7 follow-ups.
 */
@Controller
class OutreachComposer {

    private final Gateway api;

    OutreachComposer(Gateway api) {
        this.api = api;
    }

    @GetMapping("/contacts/{id}/outreach")
    String compose(@PathVariable String id, Model model) {
        Map<String, Object> contact = api.get("/api/contacts/{id}", id);
        model.addAttribute("contact", contact);
        model.addAttribute("othersNote", othersWhoWrote(id));
        model.addAttribute("templates", api.list("/api/templates"));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("channel", "EMAIL", "memberTimeZone", "UTC", "text", ""));
        }
        return "outreach";
    }

    /**
     * insights-service's note when others of the member's organization wrote to the same person in the last 30 days
     * ("2 others … wrote to this person"), never who; null when nobody did. The composer works without it: a refusal
     * or an unreachable insights-service only leaves the note out.
     */
    private String othersWhoWrote(String contactId) {
        try {
            return api.get("/api/insights/contacts/{id}/outreach-note", contactId).get("note") instanceof String note
                    && !note.isBlank() ? note : null;
        } catch (ApiProblem | RestClientException unavailable) {
            return null;
        }
    }

    /**
     * The chosen template filled for this contact: the composer opens with its text (still to be edited and sent),
     * the placeholders nobody could fill named, and the linter's findings.
     */
    @PostMapping("/contacts/{id}/outreach/template")
    String fromTemplate(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model,
                        HttpServletResponse response) {
        String template = form.getFirst("templateId");
        if (template == null || template.isBlank()) {
            FormInput.keep(model, form, new ApiProblem(400, "Invalid request", null, Map.of("templateId", "choose a template")));
            response.setStatus(400);
            return compose(id, model);
        }
        try {
            Map<String, Object> body = FormInput.json(form, Set.of("purpose", "timeFrames"), Set.of());
            body.put("contactId", id);
            Map<String, Object> rendered = api.post("/api/templates/{tid}/render", body, template);
            model.addAttribute("form", Map.of("channel", "EMAIL", "memberTimeZone", "UTC", "text",
                    String.valueOf(rendered.getOrDefault("text", "")), "templateId", template));
            model.addAttribute("missing", rendered.getOrDefault("missing", List.of()));
            return compose(id, model);
        } catch (ApiProblem problem) {
            if (problem.status() >= 500) {
                throw problem;
            }
            FormInput.keep(model, form, problem);
            response.setStatus(problem.status() == 404 ? 400 : problem.status());
            return compose(id, model);
        }
    }

    /** The draft's findings, as the fragment htmx puts under the text box. */
    @PostMapping("/contacts/{id}/outreach/lint")
    String lint(@PathVariable String id, @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "EMAIL") String channel,
                Model model) {
        Map<String, Object> lint = api.post("/api/outreach/lint", Map.of("text", text, "channel", channel, "contactId", id));
        model.addAttribute("draft", Draft.of(text, findings(lint)));
        return "outreach :: findings";
    }

    @PostMapping("/contacts/{id}/outreach")
    String send(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes flash,
                HttpServletResponse response) {
        try {
            Map<String, Object> recorded = api.post("/api/contacts/{id}/outreach",
                    FormInput.json(form, Set.of("channel", "text", "memberTimeZone"), Set.of()), id);
            List<Map<String, Object>> findings = findings(recorded);
            flash.addFlashAttribute("flash", "Outreach recorded" + (findings.isEmpty() ? "." : " with " + findings.size()
                    + " finding(s) from the linter; follow-ups are planned."));
            return "redirect:/contacts/" + id;
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.isNotFound()) {
                throw problem;
            }
            FormInput.keep(model, form, problem);
            response.setStatus(problem.status());
            return compose(id, model);
        }
    }

    @PostMapping("/contacts/{id}/outreach/{outreachId}/reply")
    String reply(@PathVariable String id, @PathVariable String outreachId, @RequestParam String outcome, RedirectAttributes flash) {
        api.post("/api/contacts/{id}/outreach/{outreachId}/reply", Map.of("outcome", outcome), id, outreachId);
        flash.addFlashAttribute("flash", outcome.equals("DECLINED") ? "Recorded: they declined." : "Recorded: they replied.");
        return "redirect:/contacts/" + id;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> findings(Map<String, Object> answer) {
        Object findings = answer.get("findings");
        return findings instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /**
     * The draft cut into pieces, each either plain or marked by the findings that point to it, so the template can
     * show the draft with {@code <mark>} around the words without writing any HTML itself.
     */
    record Draft(List<Piece> pieces, List<Map<String, Object>> findings) {

        static Draft of(String text, List<Map<String, Object>> findings) {
            List<int[]> spans = new ArrayList<>();
            for (Map<String, Object> finding : findings) {
                int start = number(finding.get("start"));
                int end = number(finding.get("end"));
                if (start >= 0 && end > start && end <= text.length()) {
                    spans.add(new int[] {start, end});
                }
            }
            // The narrowest spans first ("job" rather than the whole sentence a rule about the sentence points to),
            // then in reading order, none overlapping.
            spans.sort(Comparator.comparingInt(span -> span[1] - span[0]));
            List<int[]> chosen = new ArrayList<>();
            for (int[] span : spans) {
                if (chosen.stream().noneMatch(other -> span[0] < other[1] && other[0] < span[1])) {
                    chosen.add(span);
                }
            }
            chosen.sort(Comparator.comparingInt(span -> span[0]));
            List<Piece> pieces = new ArrayList<>();
            int at = 0;
            for (int[] span : chosen) {
                if (span[0] > at) {
                    pieces.add(new Piece(text.substring(at, span[0]), false));
                }
                pieces.add(new Piece(text.substring(span[0], span[1]), true));
                at = span[1];
            }
            if (at < text.length()) {
                pieces.add(new Piece(text.substring(at), false));
            }
            return new Draft(pieces, findings);
        }

        private static int number(Object value) {
            return value instanceof Number n ? n.intValue() : -1;
        }
    }

    record Piece(String text, boolean marked) {
    }
}
