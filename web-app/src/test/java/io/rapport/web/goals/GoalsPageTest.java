package io.rapport.web.goals;

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

class GoalsPageTest {

    @Test
    void aGoalAsTheApiTakesItThemesSplitAndTheTargetANumber() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("title", "Publish analytics work");
        form.add("metric", "dashboards");
        form.add("target", "2,5");
        form.add("dueOn", "2027-03-31");
        form.add("themes", " SQL , storytelling,, ");

        assertThat(GoalsPage.goal(form)).containsEntry("title", "Publish analytics work").containsEntry("target", 2.5)
                .containsEntry("themes", List.of("SQL", "storytelling")).containsEntry("dueOn", "2027-03-31");
    }

    @Test
    void aTargetThatIsNotANumberIsSentAsTypedSoTheApiNamesTheField() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("target", "lots");

        assertThat(GoalsPage.goal(form)).containsEntry("target", "lots");
    }

    @Test
    void aRefusedProgressUpdateShowsItsMessageOnThatGoalOnly() {
        Gateway api = mock(Gateway.class);
        when(api.post(eq("/api/goals/{id}/progress"), any(), eq("g1"))).thenThrow(new ApiProblem(400, "Invalid request",
                null, Map.of("value", "must be between 0 and 1000000")));
        when(api.list("/api/goals")).thenReturn(List.of());
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("value", "-3");
        ExtendedModelMap model = new ExtendedModelMap();
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(new GoalsPage(api).progress("g1", form, model, new RedirectAttributesModelMap(), response)).isEqualTo("goals");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(model.get("errors")).isEqualTo(Map.of("g1-value", "must be between 0 and 1000000"));
        assertThat(model.get("progressFor")).isEqualTo("g1");
        assertThat(model.get("form")).isEqualTo(Map.of("value", "-3"));
    }
}
