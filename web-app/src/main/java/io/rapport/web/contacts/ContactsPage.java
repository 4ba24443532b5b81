package io.rapport.web.contacts;

import io.rapport.web.gateway.ApiProblem;
import io.rapport.web.gateway.FormInput;
import io.rapport.web.gateway.Gateway;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Contacts: the list with filters and paging, adding one, a contact's page, and the LinkedIn CSV import. */
@Controller
class ContactsPage {

    static final Set<String> FIELDS = Set.of("name", "email", "phone", "linkedInUrl", "employerId", "employer", "role",
            "industry", "timeZone", "careerStage", "source", "hook", "notes");
    static final int PAGE_SIZE = 20;

    private final Gateway api;

    ContactsPage(Gateway api) {
        this.api = api;
    }

    @GetMapping("/contacts")
    String contacts(@RequestParam(required = false) String stage, @RequestParam(required = false) String q,
                    @RequestParam(required = false) String after, Model model) {
        UriComponentsBuilder query = UriComponentsBuilder.fromPath("/api/contacts").queryParam("limit", PAGE_SIZE);
        if (stage != null && !stage.isBlank()) {
            query.queryParam("stage", stage);
        }
        if (q != null && !q.isBlank()) {
            query.queryParam("q", q);
        }
        if (after != null && !after.isBlank()) {
            query.queryParam("after", after);
        }
        Map<String, Object> page = api.get(query.encode().build().toUriString());
        model.addAttribute("contacts", page.get("items"));
        model.addAttribute("nextCursor", page.get("nextCursor"));
        model.addAttribute("stage", stage);
        model.addAttribute("q", q);
        model.addAttribute("after", after);
        model.addAttribute("stages", List.of("IDENTIFIED", "OUTREACH_SENT", "REPLIED", "DECLINED", "NO_RESPONSE", "SCHEDULED", "INTERVIEWED", "THANKED", "NURTURING", "ARCHIVED"));
        model.addAttribute("employers", api.list("/api/employers?top=100"));
        return "contacts";
    }

    @PostMapping("/contacts")
    String add(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            Map<String, Object> made = api.post("/api/contacts", FormInput.json(form, FIELDS, Set.of()));
            flash.addFlashAttribute("flash", "Added " + made.get("name") + ".");
            return "redirect:/contacts/" + made.get("id");
        } catch (ApiProblem problem) {
            if (problem.status() >= 500) {
                throw problem;
            }
            FormInput.keep(model, form, problem);
            response.setStatus(problem.status());
            return contacts(null, null, null, model);
        }
    }

    @GetMapping("/contacts/{id}")
    String contact(@PathVariable String id, Model model) {
        Map<String, Object> contact = api.get("/api/contacts/{id}", id);
        model.addAttribute("contact", contact);
        model.addAttribute("chain", api.get("/api/contacts/{id}/referrals", id));
        return "contact";
    }

    @GetMapping("/contacts/import")
    String importForm() {
        return "import";
    }

    /**
     * The file goes to the API as the import job it is; the same file sent twice (a double click, a retry) is one
     * import, by its content's hash as the idempotency key.
     */
    @PostMapping("/contacts/import")
    String importFile(@RequestParam("file") MultipartFile file, Model model, HttpServletResponse response) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("errors", Map.of("file", "choose LinkedIn's Connections.csv (or any CSV with the same columns)"));
            response.setStatus(400);
            return "import";
        }
        String csv = new String(file.getBytes(), StandardCharsets.UTF_8);
        try {
            Map<String, Object> job = api.postCsv("/api/contacts/import", csv, "web-" + sha256(csv));
            return "redirect:/contacts/imports/" + job.get("id");
        } catch (ApiProblem problem) {
            if (problem.status() >= 500) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            model.addAttribute("errors", problem.fieldErrors());
            response.setStatus(problem.status());
            return "import";
        }
    }

    @GetMapping("/contacts/imports/{id}")
    String importJob(@PathVariable String id, Model model) {
        model.addAttribute("job", api.get("/api/contacts/imports/{id}", id));
        return "import-job";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
