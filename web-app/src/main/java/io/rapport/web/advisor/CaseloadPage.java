package io.rapport.web.advisor;

import io.rapport.web.charts.BarChart;
import io.rapport.web.gateway.ApiProblem;
import io.rapport.web.gateway.Gateway;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An advisor's caseload: the members assigned to them who share at least their progress, in the order the service
 * sorts them (who needs help first), with the signals in words and an "at a glance" chart of how many members each
 * signal concerns; a member's page shows what their tier allows and nothing more, and sends a nudge.
 */
@Controller
class CaseloadPage {

    /** The service's bound on a nudge, shown beside the field and set as its maxlength. */
    static final int NUDGE_MAX = 500;

    private final Gateway api;

    CaseloadPage(Gateway api) {
        this.api = api;
    }

    /** One member's row: the service's, with the signals in words. */
    record Row(String memberId, String tier, Map<String, Object> funnel, List<String> signals) {
        public boolean needsHelp() {
            return !signals.isEmpty();
        }
    }

    @GetMapping("/advisor")
    String caseload(Model model) {
        Map<String, Object> caseload = api.get("/api/insights/advisor/caseload");
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> bySignal = new LinkedHashMap<>();
        bySignal.put(Signals.FOLLOW_UP, 0);
        bySignal.put(Signals.THANK_YOU, 0);
        bySignal.put(Signals.INACTIVE, 0);
        int onTrack = 0;
        if (caseload.get("members") instanceof List<?> members) {
            for (Object member : members) {
                if (member instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> row = (Map<String, Object>) m;
                    rows.add(row(row));
                    boolean any = false;
                    if (row.get("signals") instanceof List<?> signals) {
                        for (Object signal : signals) {
                            if (signal instanceof Map<?, ?> s) {
                                bySignal.merge(String.valueOf(s.get("kind")), 1, Integer::sum);
                                any = true;
                            }
                        }
                    }
                    onTrack += any ? 0 : 1;
                }
            }
        }
        List<BarChart.Bar> bars = new ArrayList<>();
        bars.add(new BarChart.Bar("Outreach with no follow-up", bySignal.get(Signals.FOLLOW_UP)));
        bars.add(new BarChart.Bar("Thank-you owed after 48 h", bySignal.get(Signals.THANK_YOU)));
        bars.add(new BarChart.Bar("No activity for 14 days", bySignal.get(Signals.INACTIVE)));
        bars.add(new BarChart.Bar("On track", onTrack));
        model.addAttribute("rows", rows);
        model.addAttribute("glance", BarChart.of("Members by what needs attention", bars));
        return "caseload";
    }

    @SuppressWarnings("unchecked")
    private static Row row(Map<String, Object> row) {
        return new Row(String.valueOf(row.get("memberId")), String.valueOf(row.get("tier")),
                row.get("funnel") instanceof Map<?, ?> funnel ? (Map<String, Object>) funnel : Map.of(),
                Signals.inWords(row.get("signals")));
    }

    @GetMapping("/advisor/members/{memberId}")
    String member(@PathVariable String memberId, Model model) {
        Map<String, Object> detail = api.get("/api/insights/advisor/members/{memberId}", memberId);
        @SuppressWarnings("unchecked")
        Map<String, Object> row = detail.get("row") instanceof Map<?, ?> r ? (Map<String, Object>) r : Map.of();
        model.addAttribute("member", row(row));
        model.addAttribute("lastActivityAt", row.get("lastActivityAt"));
        model.addAttribute("stages", detail.get("contactsByStage") instanceof Map<?, ?> stages ? stages : Map.of());
        model.addAttribute("synthesis", detail.get("synthesis"));
        model.addAttribute("contacts", detail.get("contacts"));
        model.addAttribute("notes", detail.get("notes"));
        // a note names its interview by the contact, as the member's own pages do
        Map<Object, Object> contactNames = new HashMap<>();
        if (detail.get("contacts") instanceof List<?> contacts) {
            contacts.forEach(contact -> {
                if (contact instanceof Map<?, ?> c && c.get("contactId") != null && c.get("name") != null) {
                    contactNames.put(c.get("contactId"), c.get("name"));
                }
            });
        }
        model.addAttribute("contactNames", contactNames);
        model.addAttribute("nudgeMax", NUDGE_MAX);
        return "caseload-member";
    }

    @PostMapping("/advisor/members/{memberId}/nudges")
    String nudge(@PathVariable String memberId, @RequestParam(required = false) String text, Model model,
                 RedirectAttributes flash, HttpServletResponse response) {
        try {
            api.post("/api/insights/advisor/members/{memberId}/nudges", text == null || text.isBlank() ? Map.of() : Map.of("text", text),
                    memberId);
            flash.addFlashAttribute("flash", "Nudge sent: it is in " + memberId + "'s inbox as a reminder.");
            return "redirect:/advisor/members/" + memberId;
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.isNotFound()) {
                throw problem;
            }
            model.addAttribute("form", Map.of("text", text == null ? "" : text));
            model.addAttribute("errors", problem.fieldErrors());
            model.addAttribute("problem", problem);
            response.setStatus(problem.status());
            return member(memberId, model);
        }
    }
}
