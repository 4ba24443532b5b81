package io.rapport.web.sharing;

import io.rapport.web.gateway.ApiProblem;
import io.rapport.web.gateway.Gateway;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's sharing: per advisor assigned to them (and any they shared with before), what that advisor sees —
 * nothing, progress, synthesis or full — said plainly, changed or revoked at once.
 */
@Controller
class SharingPage {

    /** The tiers in order, each with what it shows, as the page says it. */
    static final List<Tier> TIERS = List.of(
            new Tier("NOTHING", "Nothing", "The advisor does not see you at all, not even that you use Rapport. This is the default."),
            new Tier("PROGRESS", "Progress", "Counts and stages: how many target employers, contacts, outreach sent, replies, "
                    + "interviews held, thank-yous and referrals, and whether something is waiting on you. No names."),
            new Tier("SYNTHESIS", "Synthesis", "Your progress, and the size of your synthesis: how many interviews and themes."),
            new Tier("FULL", "Full", "All of that, and your contacts: name, employer, role and stage. Never their e-mail, "
                    + "never your notes, never anything you marked sensitive."));

    record Tier(String value, String name, String shows) {
    }

    /** One advisor as the page shows them: their id, the tier chosen (NOTHING unless changed), whether still assigned. */
    record AdvisorShare(String advisorId, String tier, String tierName, boolean assigned) {
    }

    private final Gateway api;

    SharingPage(Gateway api) {
        this.api = api;
    }

    @GetMapping("/sharing")
    String sharing(Model model) {
        Map<String, Object> mine = api.get("/api/insights/sharing");
        Map<String, String> tiers = new TreeMap<>();
        if (mine.get("shares") instanceof List<?> shares) {
            for (Object share : shares) {
                if (share instanceof Map<?, ?> s) {
                    tiers.put(String.valueOf(s.get("advisorId")), String.valueOf(s.get("tier")));
                }
            }
        }
        List<String> assigned = mine.get("advisors") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        List<AdvisorShare> advisors = new ArrayList<>();
        for (String advisor : assigned) {
            advisors.add(share(advisor, tiers.getOrDefault(advisor, "NOTHING"), true));
        }
        // an advisor no longer assigned still holds the member's choice until revoked: shown so it can be revoked
        tiers.forEach((advisor, tier) -> {
            if (!assigned.contains(advisor) && !"NOTHING".equals(tier)) {
                advisors.add(share(advisor, tier, false));
            }
        });
        model.addAttribute("advisors", advisors);
        model.addAttribute("tiers", TIERS);
        return "sharing";
    }

    private static AdvisorShare share(String advisorId, String tier, boolean assigned) {
        String name = TIERS.stream().filter(t -> t.value().equals(tier)).map(Tier::name).findFirst().orElse(tier);
        return new AdvisorShare(advisorId, tier, name, assigned);
    }

    @PostMapping("/sharing/{advisorId}")
    String choose(@PathVariable String advisorId, @RequestParam(required = false) String tier, Model model,
                  RedirectAttributes flash, HttpServletResponse response) {
        return change(advisorId, tier, model, flash, response);
    }

    @PostMapping("/sharing/{advisorId}/revoke")
    String revoke(@PathVariable String advisorId, Model model, RedirectAttributes flash, HttpServletResponse response) {
        return change(advisorId, "NOTHING", model, flash, response);
    }

    private String change(String advisorId, String tier, Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            Map<String, Object> share = api.put("/api/insights/sharing/{advisorId}",
                    tier == null ? Map.of() : Map.of("tier", tier), advisorId);
            String chosen = String.valueOf(share.get("tier"));
            flash.addFlashAttribute("flash", "NOTHING".equals(chosen)
                    ? advisorId + " no longer sees anything of yours."
                    : advisorId + " now sees your " + share(advisorId, chosen, true).tierName().toLowerCase(java.util.Locale.ROOT) + ".");
            return "redirect:/sharing";
        } catch (ApiProblem problem) {
            if (problem.status() >= 500) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            model.addAttribute("errors", Map.of(advisorId, problem.fieldErrors().getOrDefault("tier",
                    problem.fieldErrors().values().stream().findFirst().orElse(problem.title()))));
            response.setStatus(problem.status());
            return sharing(model);
        }
    }
}
