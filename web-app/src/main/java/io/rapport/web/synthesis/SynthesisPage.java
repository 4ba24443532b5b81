package io.rapport.web.synthesis;

import io.rapport.web.charts.BarChart;
import io.rapport.web.gateway.Gateway;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
        model.addAttribute("goals", api.list("/api/goals"));
        return "synthesis";
    }

    @GetMapping("/synthesis/export.md")
    ResponseEntity<String> export(@RequestParam(defaultValue = "false") boolean showEmployers) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/markdown; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"synthesis.md\"")
                .body(api.text("/api/synthesis/export.md?showEmployers=" + showEmployers));
    }
}
