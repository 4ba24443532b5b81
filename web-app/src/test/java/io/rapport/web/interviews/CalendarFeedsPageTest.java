package io.rapport.web.interviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.rapport.web.WebProperties;
import io.rapport.web.gateway.Gateway;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

class CalendarFeedsPageTest {

    private final Gateway api = mock(Gateway.class);

    @Test
    void aNewFeedIsShownOnceAtTheAddressMembersDevicesReach() {
        when(api.post(eq("/api/calendar/feeds"), any())).thenReturn(Map.of("id", "f1", "url", "/api/calendar/feeds/tok.ics"));
        WebProperties behindALoadBalancer = new WebProperties("http://gateway:8080", "http://idp", "rapport-web", null,
                "https://rapport.example.edu/");
        RedirectAttributesModelMap flash = new RedirectAttributesModelMap();

        assertThat(new CalendarFeedsPage(api, behindALoadBalancer).create(flash)).isEqualTo("redirect:/interviews/feeds");

        assertThat(flash.getFlashAttributes().get("newFeed")).isEqualTo(Map.of(
                "https", "https://rapport.example.edu/api/calendar/feeds/tok.ics",
                "webcal", "webcal://rapport.example.edu/api/calendar/feeds/tok.ics"));
    }

    @Test
    void onOneMachineTheFeedIsAtTheGatewaysOwnAddress() {
        when(api.post(eq("/api/calendar/feeds"), any())).thenReturn(Map.of("id", "f1", "url", "/api/calendar/feeds/tok.ics"));
        RedirectAttributesModelMap flash = new RedirectAttributesModelMap();

        new CalendarFeedsPage(api, new WebProperties("http://127.0.0.1:8080", "http://idp", "rapport-web", null, null)).create(flash);

        assertThat(((Map<?, ?>) flash.getFlashAttributes().get("newFeed")).get("https"))
                .isEqualTo("http://127.0.0.1:8080/api/calendar/feeds/tok.ics");
    }
}
