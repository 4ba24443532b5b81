package io.rapport.web.preferences;

import io.rapport.web.gateway.ApiProblem;
import io.rapport.web.gateway.FormInput;
import io.rapport.web.gateway.Gateway;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How the member wants to be reminded (reminders-service's preferences): time zone, the morning reminders arrive,
 * in the app and/or by e-mail, a daily digest, quiet hours, holidays and how often to keep in touch. The API
 * replaces the whole preferences, so the form always sends all of them.
 */
@Controller
class PreferencesPage {

    private final Gateway api;

    PreferencesPage(Gateway api) {
        this.api = api;
    }

    @GetMapping("/preferences")
    String preferences(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", asForm(api.get("/api/preferences")));
        }
        return "preferences";
    }

    @PostMapping("/preferences")
    String save(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes flash,
                HttpServletResponse response) {
        try {
            api.put("/api/preferences", asJson(form));
            flash.addFlashAttribute("flash", "Preferences saved; reminders planned from now on follow them.");
            return "redirect:/preferences";
        } catch (ApiProblem problem) {
            if (problem.status() >= 500) {
                throw problem;
            }
            FormInput.keep(model, form, withFormNames(problem));
            response.setStatus(problem.status());
            return preferences(model);
        }
    }

    /** The API's preferences as the form's fields (one holiday per line). */
    @SuppressWarnings("unchecked")
    static Map<String, String> asForm(Map<String, Object> preferences) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("timeZone", text(preferences.get("timeZoneChosen") == Boolean.TRUE ? preferences.get("timeZone") : null));
        form.put("observedTimeZone", text(preferences.get("timeZone")));
        form.put("morningHour", text(preferences.get("morningHour")));
        List<String> channels = preferences.get("channels") instanceof List<?> list ? (List<String>) list : List.of();
        channels.forEach(channel -> form.put("channel-" + channel, "on"));
        form.put("email", text(preferences.get("email")));
        if (preferences.get("digest") == Boolean.TRUE) {
            form.put("digest", "on");
        }
        if (preferences.get("quietHours") instanceof Map<?, ?> quiet) {
            form.put("quietStart", text(quiet.get("start")));
            form.put("quietEnd", text(quiet.get("end")));
        }
        List<String> holidays = preferences.get("holidays") instanceof List<?> list ? (List<String>) list : List.of();
        form.put("holidays", String.join("\n", holidays));
        form.put("keepInTouchDays", text(preferences.get("keepInTouchDays")));
        return form;
    }

    /** The form as the API's whole preferences: what is left blank takes the API's default. */
    static Map<String, Object> asJson(MultiValueMap<String, String> form) {
        Map<String, Object> json = FormInput.json(form, java.util.Set.of("timeZone", "morningHour", "email",
                "keepInTouchDays"), java.util.Set.of("keepInTouchDays"));
        List<String> channels = new ArrayList<>();
        for (String channel : List.of("IN_APP", "EMAIL")) {
            if (form.getFirst("channel-" + channel) != null) {
                channels.add(channel);
            }
        }
        json.put("channels", channels);
        json.put("digest", form.getFirst("digest") != null);
        MultiValueMap<String, String> quiet = new LinkedMultiValueMap<>();
        quiet.add("start", form.getFirst("quietStart"));
        quiet.add("end", form.getFirst("quietEnd"));
        Map<String, Object> quietHours = FormInput.json(quiet, java.util.Set.of("start", "end"), java.util.Set.of());
        if (!quietHours.isEmpty()) {
            json.put("quietHours", quietHours);
        }
        String holidays = form.getFirst("holidays");
        json.put("holidays", holidays == null ? List.of() : holidays.lines().map(String::strip)
                .filter(line -> !line.isEmpty()).toList());
        return json;
    }

    private static ApiProblem withFormNames(ApiProblem problem) {
        Map<String, String> renamed = new LinkedHashMap<>();
        problem.fieldErrors().forEach((field, message) -> {
            String name = field.startsWith("holidays[") ? "holidays"
                    : switch (field) {
                        case "quietHours.start", "quietHours" -> "quietStart";
                        case "quietHours.end" -> "quietEnd";
                        case "channels" -> "channel-EMAIL";
                        default -> field;
                    };
            renamed.merge(name, field.startsWith("holidays[") ? "line " + (line(field) + 1) + " " + message : message,
                    (first, second) -> first + "; " + second);
        });
        return new ApiProblem(problem.status(), problem.title(), problem.detail(), renamed);
    }

    private static int line(String field) {
        try {
            return Integer.parseInt(field.substring(field.indexOf('[') + 1, field.indexOf(']')));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
