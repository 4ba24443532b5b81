package io.rapport.web.interviews;

import io.rapport.web.gateway.ApiProblem;
import io.rapport.web.gateway.FormInput;
import io.rapport.web.gateway.Gateway;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Interviews: proposing slots (typed in the member's own time zone, shown in both), scheduling, confirming, holding
 * or cancelling one, its question plan to print, and its calendar file.
 */
@Controller
class InterviewsPage {

    private final Gateway api;

    InterviewsPage(Gateway api) {
        this.api = api;
    }

    @GetMapping("/interviews")
    String interviews(Model model) {
        model.addAttribute("interviews", api.list("/api/interviews?limit=50"));
        return "interviews";
    }

    @GetMapping("/interviews/new")
    String proposeForm(@RequestParam(required = false) String contactId, Model model) {
        if (!model.containsAttribute("form")) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("contactId", contactId);
            form.put("minutes", "30");
            form.put("kind", "VIDEO");
            form.put("memberTimeZone", "UTC");
            model.addAttribute("form", form);
        }
        Map<String, Object> page = api.get("/api/contacts?limit=100");
        model.addAttribute("contacts", page.get("items"));
        return "interview-new";
    }

    /**
     * The slot is typed as a local date and time in the member's time zone (the browser's own picker); it goes to the
     * API as the instant it names, and the interview's page then shows it in both parties' zones.
     */
    @PostMapping("/interviews")
    String propose(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Map<String, Object>> slots = new ArrayList<>();
        ZoneId zone = zone(form.getFirst("memberTimeZone"), errors);
        for (String field : List.of("start", "start2")) {
            String value = form.getFirst(field);
            if (value == null || value.isBlank()) {
                if (field.equals("start")) {
                    errors.put("start", "choose a date and time");
                }
                continue;
            }
            try {
                if (zone != null) {
                    Map<String, Object> slot = new LinkedHashMap<>();
                    slot.put("start", LocalDateTime.parse(value).atZone(zone).toInstant().toString());
                    slot.put("minutes", minutes(form.getFirst("minutes")));
                    slots.add(slot);
                }
            } catch (DateTimeException e) {
                errors.put(field, "is not a date and time");
            }
        }
        Map<String, Object> format = new LinkedHashMap<>(FormInput.json(form, java.util.Set.of("kind", "link", "phone", "address", "platform"), java.util.Set.of()));
        Map<String, Object> body = new LinkedHashMap<>(FormInput.json(form, java.util.Set.of("contactId", "objective", "memberTimeZone"), java.util.Set.of()));
        body.put("slots", slots);
        body.put("format", format);
        try {
            if (!errors.isEmpty()) {
                throw new ApiProblem(400, "Invalid request", errors.size() + " field(s) invalid", errors);
            }
            Map<String, Object> made = api.post("/api/interviews", body);
            return "redirect:/interviews/" + made.get("id");
        } catch (ApiProblem problem) {
            if (problem.status() >= 500) {
                throw problem;
            }
            FormInput.keep(model, form, withFormNames(problem));
            response.setStatus(problem.status());
            return proposeForm(form.getFirst("contactId"), model);
        }
    }

    @GetMapping("/interviews/{id}")
    String interview(@PathVariable String id, Model model) {
        java.util.concurrent.Future<Map<String, Object>> plan = api.fork(gateway -> gateway.get("/api/interviews/{id}/question-plan", id));
        Map<String, Object> interview = api.get("/api/interviews/{id}", id);
        model.addAttribute("interview", interview);
        if ("HELD".equals(interview.get("status"))) {
            try {
                model.addAttribute("notes", api.get("/api/notes/{id}", id));
            } catch (ApiProblem notYet) {
                if (!notYet.isNotFound()) {
                    throw notYet;
                }
                model.addAttribute("notesPending", true); // notes learns of the interview from scheduling's events
            }
        }
        try {
            model.addAttribute("plan", Gateway.join(plan));
        } catch (ApiProblem noPlan) {
            if (noPlan.status() >= 500) {
                throw noPlan;
            }
        }
        if (!model.containsAttribute("categories")) {
            model.addAttribute("categories", List.of("ROLES", "SKILLS", "DAY_TO_DAY", "CULTURE", "TRENDS", "CHALLENGES",
                    "CAREER_PATH", "ADVICE", "RESOURCES"));
        }
        return "interview";
    }

    @PostMapping("/interviews/{id}/{action:schedule|reschedule|confirm|held|cancel|no-show}")
    String act(@PathVariable String id, @PathVariable String action, @RequestParam MultiValueMap<String, String> form,
               Model model, RedirectAttributes flash, HttpServletResponse response) {
        Map<String, Object> body = switch (action) {
            case "schedule" -> FormInput.json(form, java.util.Set.of("start"), java.util.Set.of());
            case "reschedule" -> FormInput.json(form, java.util.Set.of("start", "minutes"), java.util.Set.of("minutes"));
            case "held" -> FormInput.json(form, java.util.Set.of("actualMinutes"), java.util.Set.of("actualMinutes"));
            case "cancel" -> FormInput.json(form, java.util.Set.of("reason"), java.util.Set.of());
            default -> null;
        };
        try {
            api.post("/api/interviews/{id}/" + action, body, id);
            flash.addFlashAttribute("flash", switch (action) {
                case "schedule" -> "Scheduled.";
                case "reschedule" -> "Moved to the new time; the contact's calendar file and your feed follow.";
                case "confirm" -> "Confirmed.";
                case "held" -> "Marked as held. Take your notes, then thank them within 24 hours.";
                case "cancel" -> "Cancelled.";
                default -> "Recorded as a no-show.";
            });
            return "redirect:/interviews/" + id;
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.isNotFound()) {
                throw problem;
            }
            FormInput.keep(model, form, withFormNames(problem));
            response.setStatus(problem.status());
            return interview(id, model);
        }
    }

    @GetMapping("/interviews/{id}/calendar.ics")
    ResponseEntity<String> calendarFile(@PathVariable String id) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"interview-" + id + ".ics\"")
                .body(api.text("/api/interviews/{id}/calendar.ics", id));
    }

    /** The API names slot fields by position ({@code slots[0].start}); the form calls them start and start2. */
    private static ApiProblem withFormNames(ApiProblem problem) {
        Map<String, String> renamed = new LinkedHashMap<>();
        problem.fieldErrors().forEach((field, message) -> renamed.put(switch (field) {
            case "slots", "slots[0].start", "slots[0]" -> "start";
            case "slots[1].start", "slots[1]" -> "start2";
            case "slots[0].minutes", "slots[1].minutes", "slot.minutes" -> "minutes";
            case "slot.start", "slot" -> "start";
            case "format.kind" -> "kind";
            case "format.link" -> "link";
            case "format.phone" -> "phone";
            case "format.address" -> "address";
            default -> field;
        }, message));
        return new ApiProblem(problem.status(), problem.title(), problem.detail(), renamed);
    }

    private static Object minutes(String value) {
        try {
            return Integer.valueOf(value == null ? "30" : value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static ZoneId zone(String value, Map<String, String> errors) {
        try {
            return ZoneId.of(value == null || value.isBlank() ? "UTC" : value.strip());
        } catch (DateTimeException e) {
            errors.put("memberTimeZone", "is not an IANA time zone such as America/Chicago");
            return null;
        }
    }
}
