package io.rapport.web.today;

import io.rapport.web.gateway.Gateway;
import io.rapport.web.signin.Navigation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The member's day: overdue and due reminders first (done, snooze, dismiss), the next interviews, follow-ups that
 * stalled (the 3B7 reminders), and thank-yous owed with the time left before 24 h and 48 h.
 */
@Controller
class TodayPage {

    static final Set<String> FOLLOW_UPS = Set.of("WRITE_TO_SECOND_CONTACT", "FOLLOW_UP_ONCE");
    static final Set<String> THANK_YOUS = Set.of("SEND_THANK_YOU", "THANK_YOU_OVERDUE");

    private final Gateway api;
    private final Navigation navigation;

    TodayPage(Gateway api, Navigation navigation) {
        this.api = api;
        this.navigation = navigation;
    }

    @GetMapping("/")
    String today(Model model) {
        if (!navigation.isMember()) {
            return "redirect:" + navigation.home(); // an advisor's or admin's first page is their own
        }
        Future<List<Map<String, Object>>> interviewsRead = api.fork(gateway -> gateway.list("/api/interviews?limit=50"));
        Map<String, Object> inbox = api.get("/api/reminders");
        List<Map<String, Object>> overdue = listOf(inbox.get("overdue"));
        List<Map<String, Object>> due = listOf(inbox.get("due"));
        List<Map<String, Object>> upcoming = listOf(inbox.get("upcoming"));
        List<Map<String, Object>> everything = Stream.of(overdue, due, upcoming).flatMap(List::stream).toList();
        Instant now = Instant.now();
        model.addAttribute("overdue", overdue);
        model.addAttribute("due", due);
        model.addAttribute("stalled", everything.stream().filter(r -> FOLLOW_UPS.contains(String.valueOf(r.get("rule")))).toList());
        model.addAttribute("thankYous", thankYousOwed(everything, now));
        List<Map<String, Object>> interviews = new ArrayList<>(Gateway.join(interviewsRead));
        model.addAttribute("nextInterviews", interviews.stream()
                .filter(i -> Set.of("SCHEDULED", "CONFIRMED", "PROPOSED").contains(String.valueOf(i.get("status"))))
                .sorted(Comparator.comparing(i -> String.valueOf(firstStart(i))))
                .limit(5).toList());
        return "today";
    }

    /** From htmx: the reminder's row is replaced by its new state; without JavaScript the form posts and comes back here. */
    @PostMapping("/reminders/{id}/{action:done|dismiss}")
    String act(@PathVariable String id, @PathVariable String action, @RequestHeader(value = "HX-Request", required = false) String htmx,
               Model model) {
        api.post("/api/reminders/{id}/" + action, null, id);
        return answered(htmx, model, action.equals("done") ? "Marked done." : "Dismissed.");
    }

    @PostMapping("/reminders/{id}/snooze")
    String snooze(@PathVariable String id, @RequestParam(defaultValue = "24") long hours,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        api.post("/api/reminders/{id}/snooze", Map.of("until", Instant.now().plus(Duration.ofHours(hours)).toString()), id);
        return answered(htmx, model, "Snoozed for " + hours + " hours.");
    }

    private static String answered(String htmx, Model model, String what) {
        if (htmx != null) {
            model.addAttribute("outcome", what);
            return "today :: settled";
        }
        return "redirect:/";
    }

    /** The agreed slot's start, else the first proposed one's. */
    static Object firstStart(Map<String, Object> interview) {
        if (interview.get("slot") instanceof Map<?, ?> slot) {
            return slot.get("start");
        }
        List<Map<String, Object>> slots = listOf(interview.get("proposedSlots"));
        return slots.isEmpty() ? "" : slots.getFirst().get("start");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> listOf(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /**
     * One line per interview: its thank-you reminder is due 24 h after the end and overdue at 48 h, and a second
     * reminder ({@code THANK_YOU_OVERDUE}) waits for the 48 h mark, so both are in the inbox; the member sees one
     * thank-you with the time left.
     */
    static List<ThankYouOwed> thankYousOwed(List<Map<String, Object>> reminders, Instant now) {
        Map<Object, ThankYouOwed> byInterview = new java.util.LinkedHashMap<>();
        for (Map<String, Object> reminder : reminders) {
            String rule = String.valueOf(reminder.get("rule"));
            if (!THANK_YOUS.contains(rule)) {
                continue;
            }
            Object interview = reminder.get("subjectId");
            ThankYouOwed known = byInterview.get(interview);
            Instant due = rule.equals("SEND_THANK_YOU") ? instant(reminder.get("dueAt")) : null;
            Instant overdue = rule.equals("SEND_THANK_YOU") ? instant(reminder.get("overdueAt")) : instant(reminder.get("dueAt"));
            if (known == null) {
                byInterview.put(interview, new ThankYouOwed(reminder, interview, due, overdue, now));
            } else {
                byInterview.put(interview, new ThankYouOwed(rule.equals("SEND_THANK_YOU") ? reminder : known.reminder(), interview,
                        due != null ? due : known.due(), known.overdue() != null ? known.overdue() : overdue, now));
            }
        }
        return List.copyOf(byInterview.values());
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }

    /** A thank-you owed: the hours left before 24 h (due) and 48 h (overdue) after the interview. */
    public record ThankYouOwed(Map<String, Object> reminder, Object interviewId, Instant due, Instant overdue, Instant now) {

        public String countdown() {
            if (overdue != null && now.isAfter(overdue)) {
                return "over 48 h: " + Duration.between(overdue, now).toHours() + " h past";
            }
            if (due != null && now.isBefore(due)) {
                return Duration.between(now, due).toHours() + " h left of 24 h";
            }
            return overdue == null ? "due now" : "past 24 h: " + Duration.between(now, overdue).toHours() + " h left of 48 h";
        }

        public boolean late() {
            return overdue != null && now.isAfter(overdue);
        }

        public boolean pastFirstDay() {
            return due != null && now.isAfter(due);
        }
    }
}
