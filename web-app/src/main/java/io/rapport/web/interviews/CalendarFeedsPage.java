package io.rapport.web.interviews;

import io.rapport.web.WebProperties;
import io.rapport.web.gateway.Gateway;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Subscribing to one's interviews from a calendar app: scheduling-service issues a feed whose address holds an
 * unguessable token (calendar apps cannot sign in). The address is shown once, right after it is made; a feed
 * can be revoked at any time and its address stops working at once.
 */
@Controller
class CalendarFeedsPage {

    private final Gateway api;
    private final WebProperties properties;

    CalendarFeedsPage(Gateway api, WebProperties properties) {
        this.api = api;
        this.properties = properties;
    }

    @GetMapping("/interviews/feeds")
    String feeds(Model model) {
        model.addAttribute("feeds", api.list("/api/calendar/feeds"));
        return "feeds";
    }

    @PostMapping("/interviews/feeds")
    String create(RedirectAttributes flash) {
        Map<String, Object> feed = api.post("/api/calendar/feeds", Map.of());
        String https = properties.publicGateway() + feed.get("url");
        flash.addFlashAttribute("newFeed", Map.of("https", https, "webcal", https.replaceFirst("^https?://", "webcal://")));
        return "redirect:/interviews/feeds";
    }

    @PostMapping("/interviews/feeds/{feedId}/revoke")
    String revoke(@PathVariable String feedId, RedirectAttributes flash) {
        api.delete("/api/calendar/feeds/{feedId}", feedId);
        flash.addFlashAttribute("flash", "Feed revoked: its address no longer works.");
        return "redirect:/interviews/feeds";
    }
}
