package io.rapport.web.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.rapport.web.gateway.ApiProblem;
import io.rapport.web.gateway.Gateway;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

class PreferencesPageTest {

    @Test
    void theFormSendsTheWholePreferencesWithBlanksLeftToTheDefaults() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("timeZone", "Europe/Paris");
        form.add("morningHour", "08:30");
        form.add("channel-EMAIL", "on");
        form.add("email", "ada@example.com");
        form.add("quietStart", "");
        form.add("quietEnd", "");
        form.add("holidays", "2026-12-25\n\n 2027-01-01 \n");
        form.add("keepInTouchDays", "60");

        Map<String, Object> json = PreferencesPage.asJson(form);

        assertThat(json).containsEntry("timeZone", "Europe/Paris").containsEntry("morningHour", "08:30")
                .containsEntry("channels", List.of("EMAIL")).containsEntry("email", "ada@example.com")
                .containsEntry("digest", false).containsEntry("holidays", List.of("2026-12-25", "2027-01-01"))
                .containsEntry("keepInTouchDays", 60).doesNotContainKey("quietHours");
    }

    @Test
    void theStoredPreferencesFillTheFormAndAZoneOnlyObservedIsNotPresentedAsChosen() {
        Map<String, String> form = PreferencesPage.asForm(Map.of("timeZone", "America/Chicago", "timeZoneChosen", false,
                "morningHour", "09:00", "channels", List.of("EMAIL", "IN_APP"), "digest", true,
                "quietHours", Map.of("start", "22:00", "end", "07:00"), "holidays", List.of("2026-12-25"),
                "keepInTouchDays", 90));

        assertThat(form).containsEntry("timeZone", "").containsEntry("observedTimeZone", "America/Chicago")
                .containsEntry("channel-EMAIL", "on").containsEntry("channel-IN_APP", "on").containsEntry("digest", "on")
                .containsEntry("quietStart", "22:00").containsEntry("quietEnd", "07:00")
                .containsEntry("holidays", "2026-12-25").containsEntry("keepInTouchDays", "90");
    }

    @Test
    void aRefusalShowsEachMessageNextToItsFieldAndKeepsWhatWasTyped() {
        Gateway api = mock(Gateway.class);
        when(api.put(eq("/api/preferences"), any())).thenThrow(new ApiProblem(400, "Invalid request", null,
                Map.of("quietHours.start", "is not a time such as 22:00", "holidays[1]", "is not a date such as 2026-12-25")));
        when(api.get("/api/preferences")).thenReturn(Map.of());
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("quietStart", "25:00");
        form.add("holidays", "2026-12-25\nChristmas");
        ExtendedModelMap model = new ExtendedModelMap();
        MockHttpServletResponse response = new MockHttpServletResponse();

        String page = new PreferencesPage(api).save(form, model, new RedirectAttributesModelMap(), response);

        assertThat(page).isEqualTo("preferences");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(model.get("errors")).isEqualTo(Map.of("quietStart", "is not a time such as 22:00",
                "holidays", "line 2 is not a date such as 2026-12-25"));
        assertThat(model.get("form")).isEqualTo(Map.of("quietStart", "25:00", "holidays", "2026-12-25\nChristmas"));
    }
}
