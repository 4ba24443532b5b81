package io.rapport.web.account;

import io.rapport.web.gateway.Gateway;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The member's account: who is signed in, an export of everything held about them, and erasing it all. */
@Controller
class AccountPage {

    static final String CONFIRMATION = "delete my data";

    private final Gateway api;

    AccountPage(Gateway api) {
        this.api = api;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal OidcUser member, Model model) {
        model.addAttribute("member", member);
        model.addAttribute("confirmation", CONFIRMATION);
        return "account";
    }

    /** One file with what each service holds: contacts and employers, notes and profile, reminders and preferences. */
    @GetMapping("/account/export.json")
    ResponseEntity<Map<String, Object>> export() {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("contacts", api.get("/api/me/export"));
        export.put("notes", api.get("/api/profile/export"));
        export.put("reminders", api.get("/api/reminders/export"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rapport-export.json\"").body(export);
    }

    @GetMapping("/account/deleted")
    String deleted() {
        return "deleted";
    }

    @PostMapping("/account/delete")
    String delete(@RequestParam(defaultValue = "") String confirm, @AuthenticationPrincipal OidcUser member, Model model,
                  HttpServletRequest request, RedirectAttributes flash) throws Exception {
        if (!CONFIRMATION.equals(confirm.strip())) {
            model.addAttribute("errors", Map.of("confirm", "type “" + CONFIRMATION + "” to confirm"));
            model.addAttribute("form", Map.of("confirm", confirm));
            return account(member, model);
        }
        api.delete("/api/me");
        request.logout();
        return "redirect:/account/deleted";
    }
}
