package io.rapport.web.synthesis;

import io.rapport.web.charts.BarChart;
import io.rapport.web.gateway.Gateway;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The synthesis: the themes that recur across interviews with how many interviews support each (one interview is a
 * single perspective, and says so), drawn as a bar chart with its table; the skill gaps; the anonymized export.
 */
@Controller
class SynthesisPage {

    private final Gateway api;

    SynthesisPage(Gateway api) {
        this.api = api;
    }

    @GetMapping("/synthesis")
    String synthesis(Model model) {
        // Five independent reads: at once rather than one after another.
        Future<List<Map<String, Object>>> goals = api.fork(gateway -> gateway.list("/api/goals"));
        Future<List<Map<String, Object>>> contactsRead = api.fork(SynthesisPage::allContacts);
        Future<List<Map<String, Object>>> employers = api.fork(gateway -> gateway.list("/api/employers?top=100"));
        Future<List<Map<String, Object>>> interviews = api.fork(gateway -> gateway.list("/api/interviews?limit=200"));
        Map<String, Object> synthesis = api.get("/api/synthesis");
        List<Map<String, Object>> themes = new ArrayList<>();
        if (synthesis.get("themes") instanceof Map<?, ?> byCategory) {
            for (Object list : byCategory.values()) {
                if (list instanceof List<?> found) {
                    for (Object theme : found) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> t = (Map<String, Object>) theme;
                        themes.add(t);
                    }
                }
            }
        }
        themes.sort(Comparator.comparingInt((Map<String, Object> t) -> ((Number) t.get("interviewCount")).intValue()).reversed()
                .thenComparing(t -> String.valueOf(t.get("label"))));
        List<Map<String, Object>> top = themes.stream().limit(12).toList();
        model.addAttribute("synthesis", synthesis);
        model.addAttribute("themes", themes);
        model.addAttribute("chart", BarChart.of("Themes by the number of interviews that support them",
                top.stream().map(t -> new BarChart.Bar(String.valueOf(t.get("label")),
                        ((Number) t.get("interviewCount")).intValue())).toList()));
        model.addAttribute("goals", Gateway.join(goals));
        List<Map<String, Object>> contacts = Gateway.join(contactsRead);
        model.addAttribute("funnel", Funnel.funnel(Gateway.join(employers), contacts, Gateway.join(interviews)));
        model.addAttribute("latency", Funnel.replyLatency(contacts));
        model.addAttribute("contactsCounted", contacts.size());
        return "synthesis";
    }

    /** Page by page, at most {@value #MAX_CONTACTS_COUNTED} contacts (the page says when the funnel counts only those). */
    private static List<Map<String, Object>> allContacts(Gateway api) {
        List<Map<String, Object>> contacts = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> page = api.get(after == null ? "/api/contacts?limit=100" : "/api/contacts?limit=100&after={after}",
                    after == null ? new Object[0] : new Object[] {after});
            if (page.get("items") instanceof List<?> items) {
                for (Object item : items) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> contact = (Map<String, Object>) item;
                    contacts.add(contact);
                }
            }
            after = page.get("nextCursor") == null ? null : page.get("nextCursor").toString();
        } while (after != null && contacts.size() < MAX_CONTACTS_COUNTED);
        return contacts;
    }

    static final int MAX_CONTACTS_COUNTED = 1000;

    @GetMapping("/synthesis/export.md")
    ResponseEntity<String> export(@RequestParam(defaultValue = "false") boolean showEmployers) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/markdown; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"synthesis.md\"")
                .body(api.text("/api/synthesis/export.md?showEmployers=" + showEmployers));
    }
}
