package io.rapport.web.connections;

import io.rapport.web.gateway.ApiProblem;
import io.rapport.web.gateway.FormInput;
import io.rapport.web.gateway.Gateway;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's mailbox (contacts-service, {@code /api/mailbox}) and calendar (scheduling-service,
 * {@code /api/calendar}) on one page, since a member thinks of them together as "what Rapport may see of mine": each
 * one's state in words, a form to connect it (or connect it again, e.g. with a new app password after a pause) and a
 * button to disconnect it. The two forms share the page, so their fields carry a prefix ({@code mailbox-host},
 * {@code calendar-url}) and the API's field messages are renamed to match. A password or token typed here goes to
 * the API and nowhere else: never back into the page, never into a log.
 */
@Controller
class ConnectionsPage {

    static final String PATH = "/connections";
    static final String MAILBOX = "mailbox-";
    static final String CALENDAR = "calendar-";
    /** The fields whose values are never drawn again: the member types them anew. */
    static final Set<String> SECRETS = Set.of(MAILBOX + "password", CALENDAR + "password", CALENDAR + "token");

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Gateway api;

    ConnectionsPage(Gateway api) {
        this.api = api;
    }

    /** One fact shown about a connection. */
    record Fact(String label, String value) {
    }

    /**
     * What the page says about one connection.
     *
     * @param state the state in a word or two ("Watching", "Paused")
     * @param tone  ok, warn or bad: how the state is marked
     * @param notice what went wrong and what to do, in the service's words; null when all is well
     */
    record Status(String state, String tone, List<Fact> facts, String notice) {
    }

    @GetMapping(PATH)
    String connections(Model model) {
        // two services, asked at once
        Future<Map<String, Object>> mailbox = api.fork(status("/api/mailbox"));
        Future<Map<String, Object>> calendar = api.fork(status("/api/calendar"));
        Map<String, Object> connectedMailbox = section(model, "mailbox", mailbox, ConnectionsPage::mailboxStatus);
        Map<String, Object> connectedCalendar = section(model, "calendar", calendar, ConnectionsPage::calendarStatus);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", connectAgain(connectedMailbox, connectedCalendar));
        }
        return "connections";
    }

    /**
     * The forms filled with what is connected (all but the secret), so connecting again after a pause or a new app
     * password is typing the password only; TLS ticked unless the connection goes without.
     */
    static Map<String, String> connectAgain(Map<String, Object> mailbox, Map<String, Object> calendar) {
        Map<String, String> form = new LinkedHashMap<>();
        if (mailbox == null || !Boolean.FALSE.equals(mailbox.get("tls"))) {
            form.put(MAILBOX + "tls", "on");
        }
        if (mailbox != null) {
            form.put(MAILBOX + "host", text(mailbox.get("host")));
            form.put(MAILBOX + "port", text(mailbox.get("port")));
            form.put(MAILBOX + "user", text(mailbox.get("user")));
        }
        if (calendar != null) {
            form.put(CALENDAR + "url", text(calendar.get("url")));
            form.put(CALENDAR + "user", text(calendar.get("user")));
        }
        return form;
    }

    /** The connection's status, or null when none is connected (the API's 404). */
    private static Function<Gateway, Map<String, Object>> status(String path) {
        return gateway -> {
            try {
                return gateway.get(path);
            } catch (ApiProblem problem) {
                if (problem.isNotFound()) {
                    return null;
                }
                throw problem;
            }
        };
    }

    /**
     * Puts {@code <name>} (its {@link Status}, or absent when not connected) in the model and answers the status as
     * the API gave it (null when not connected); when the service cannot say
     * (it is down, or has no key to seal credentials with: 503), {@code <name>Unavailable} with its reason instead,
     * so the other connection's section still works.
     */
    private static Map<String, Object> section(Model model, String name, Future<Map<String, Object>> answer,
                                               Function<Map<String, Object>, Status> words) {
        try {
            Map<String, Object> status = Gateway.join(answer);
            if (status != null) {
                model.addAttribute(name, words.apply(status));
            }
            return status;
        } catch (ApiProblem problem) {
            if (problem.status() < 500) {
                throw problem;
            }
            model.addAttribute(name + "Unavailable", problem);
            return null;
        }
    }

    @PostMapping(PATH + "/mailbox")
    String connectMailbox(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes flash,
                          HttpServletResponse response) {
        return connect(() -> api.put("/api/mailbox", mailboxJson(form)), MAILBOX, form, model, flash, response,
                "Mailbox connected: Rapport looks at it within a few minutes, and then regularly.");
    }

    @PostMapping(PATH + "/calendar")
    String connectCalendar(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes flash,
                           HttpServletResponse response) {
        return connect(() -> api.put("/api/calendar", calendarJson(form)), CALENDAR, form, model, flash, response,
                "Calendar connected: interviews agreed from now on are written there, and its busy times count when slots are proposed.");
    }

    @PostMapping(PATH + "/mailbox/disconnect")
    String disconnectMailbox(RedirectAttributes flash) {
        return disconnect("/api/mailbox", flash,
                "Mailbox disconnected: Rapport deleted its password and no longer looks at it. Replies already noticed stay.");
    }

    @PostMapping(PATH + "/calendar/disconnect")
    String disconnectCalendar(RedirectAttributes flash) {
        return disconnect("/api/calendar", flash,
                "Calendar disconnected: Rapport deleted its address and password. Interviews already written there stay in your calendar.");
    }

    private String disconnect(String path, RedirectAttributes flash, String done) {
        try {
            api.delete(path);
            flash.addFlashAttribute("flash", done);
        } catch (ApiProblem problem) {
            if (!problem.isNotFound()) {
                throw problem;
            }
            // disconnected meanwhile (another tab): what the member wanted
            flash.addFlashAttribute("flash", "Nothing to disconnect: it was no longer connected.");
        }
        return "redirect:" + PATH;
    }

    /**
     * A refusal draws the page again: each field's message next to that field of this section's form, the message
     * without a field (the service has no key, say) at the top of the section, and what was typed — but the password
     * and the token, which are never drawn into a page.
     */
    private String connect(Runnable call, String prefix, MultiValueMap<String, String> form, Model model,
                           RedirectAttributes flash, HttpServletResponse response, String done) {
        try {
            call.run();
            flash.addFlashAttribute("flash", done);
            return "redirect:" + PATH;
        } catch (ApiProblem problem) {
            Map<String, String> renamed = new LinkedHashMap<>();
            problem.fieldErrors().forEach((field, message) -> renamed.put(prefix + field, message));
            ApiProblem onTheForm = new ApiProblem(problem.status(), problem.title(), problem.detail(), renamed);
            FormInput.keep(model, withoutSecrets(form), onTheForm);
            model.addAttribute(prefix.substring(0, prefix.length() - 1) + "Problem", onTheForm);
            response.setStatus(problem.status() >= 500 ? 502 : problem.status());
            return connections(model);
        }
    }

    static MultiValueMap<String, String> withoutSecrets(MultiValueMap<String, String> form) {
        MultiValueMap<String, String> kept = new LinkedMultiValueMap<>(form);
        SECRETS.forEach(kept::remove);
        return kept;
    }

    /** The mailbox form as {@code PUT /api/mailbox} takes it; an unticked TLS box is {@code tls: false}. */
    static Map<String, Object> mailboxJson(MultiValueMap<String, String> form) {
        MultiValueMap<String, String> fields = unprefixed(form, MAILBOX);
        Map<String, Object> json = FormInput.json(fields, Set.of("host", "port", "user"), Set.of("port"));
        json.put("tls", fields.containsKey("tls"));
        // taken as typed: spaces are part of some app passwords
        String password = fields.getFirst("password");
        if (password != null && !password.isEmpty()) {
            json.put("password", password);
        }
        return json;
    }

    /** The calendar form as {@code PUT /api/calendar} takes it: a password or a token, whichever was typed. */
    static Map<String, Object> calendarJson(MultiValueMap<String, String> form) {
        return FormInput.json(unprefixed(form, CALENDAR), Set.of("url", "user", "password", "token"), Set.of());
    }

    private static MultiValueMap<String, String> unprefixed(MultiValueMap<String, String> form, String prefix) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(prefix)) {
                fields.put(name.substring(prefix.length()), values);
            }
        });
        return fields;
    }

    /** contacts-service's {@code MailboxConnection}: CONNECTED (watched) or PAUSED (after repeated refused sign-ins). */
    static Status mailboxStatus(Map<String, Object> mailbox) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Server", text(mailbox.get("host")) + ":" + text(mailbox.get("port"))
                + (Boolean.FALSE.equals(mailbox.get("tls")) ? " (without TLS)" : " (TLS)")));
        facts.add(new Fact("Signed in as", text(mailbox.get("user"))));
        facts.add(new Fact("Connected", time(mailbox.get("connectedAt"))));
        facts.add(new Fact("Last check", mailbox.get("lastCheckedAt") == null ? "not yet: the first is on its way"
                : time(mailbox.get("lastCheckedAt"))));
        String lastError = (String) mailbox.get("lastError");
        if ("PAUSED".equals(mailbox.get("state"))) {
            return new Status("Paused", "bad", facts, lastError != null ? lastError
                    : "Rapport stopped looking at this mailbox. Connect it again below to resume.");
        }
        if (lastError != null) {
            return new Status("Watching, but the last check failed", "warn", facts, sentence(lastError)
                    + " Rapport tries again on its own, waiting longer after each failure; after three refused sign-ins in a row it pauses and tells you.");
        }
        return new Status("Watching", "ok", facts, null);
    }

    /** scheduling-service's calendar connection: CONNECTED, or FAILING while the last call to the server failed. */
    static Status calendarStatus(Map<String, Object> calendar) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Calendar", text(calendar.get("url"))));
        facts.add(new Fact("Signed in", "TOKEN".equals(calendar.get("auth")) ? "with a token"
                : "as " + text(calendar.get("user"))));
        facts.add(new Fact("Connected", time(calendar.get("connectedAt"))));
        facts.add(new Fact("Last successful call", calendar.get("lastSyncAt") == null ? "none yet"
                : time(calendar.get("lastSyncAt"))));
        if ("FAILING".equals(calendar.get("status")) || calendar.get("lastError") != null) {
            String when = calendar.get("lastErrorAt") == null ? "" : " (" + time(calendar.get("lastErrorAt")) + ")";
            return new Status("Failing", "warn", facts, "The last call to your calendar failed" + when + ": "
                    + sentence(text(calendar.get("lastError"))) + " Rapport retries on its own; if the address or the password "
                    + "changed, connect it again below.");
        }
        return new Status("Connected", "ok", facts, null);
    }

    /** An instant of the API as the other pages show times ({@code 2026-11-29 19:00 UTC}). */
    static String time(Object instant) {
        if (instant == null) {
            return "";
        }
        try {
            return SHOWN.format(Instant.parse(instant.toString()));
        } catch (DateTimeParseException notAnInstant) {
            return instant.toString();
        }
    }

    /** The service's message as a sentence of its own, whether or not it ends with a full stop. */
    private static String sentence(String message) {
        String trimmed = message.strip();
        return trimmed.isEmpty() || trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
