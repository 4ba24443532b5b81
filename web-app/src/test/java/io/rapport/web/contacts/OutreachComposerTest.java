package io.rapport.web.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.rapport.web.gateway.ApiProblem;
import io.rapport.web.gateway.Gateway;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.client.ResourceAccessException;

class OutreachComposerTest {

    private final Gateway api = mock(Gateway.class);
    private final OutreachComposer composer = new OutreachComposer(api);

    @Test
    void theComposerSaysHowManyOthersWroteToThePersonLately() {
        when(api.get("/api/contacts/{id}", "c1")).thenReturn(Map.of("id", "c1", "name", "Priya Raman"));
        when(api.get("/api/insights/contacts/{id}/outreach-note", "c1")).thenReturn(Map.of("othersInWindow", 2,
                "note", "2 others from your organization wrote to this person in the last 30 days"));
        ExtendedModelMap model = new ExtendedModelMap();

        assertThat(composer.compose("c1", model)).isEqualTo("outreach");
        assertThat(model.get("othersNote")).isEqualTo("2 others from your organization wrote to this person in the last 30 days");
    }

    @Test
    void nobodyElseWroteMeansNoNote() {
        when(api.get("/api/contacts/{id}", "c1")).thenReturn(Map.of("id", "c1", "name", "Priya Raman"));
        when(api.get("/api/insights/contacts/{id}/outreach-note", "c1")).thenReturn(Map.of("othersInWindow", 0));
        ExtendedModelMap model = new ExtendedModelMap();

        composer.compose("c1", model);

        assertThat(model.get("othersNote")).isNull();
    }

    @Test
    void theComposerStillOpensWhenInsightsCannotAnswer() {
        when(api.get("/api/contacts/{id}", "c1")).thenReturn(Map.of("id", "c1", "name", "Priya Raman"));
        when(api.get("/api/insights/contacts/{id}/outreach-note", "c1"))
                .thenThrow(new ApiProblem(503, "The service could not answer", null, Map.of()))
                .thenThrow(new ResourceAccessException("connection refused"));

        for (int attempt = 0; attempt < 2; attempt++) {
            ExtendedModelMap model = new ExtendedModelMap();
            assertThat(composer.compose("c1", model)).isEqualTo("outreach");
            assertThat(model.get("othersNote")).isNull();
            assertThat(model.get("contact")).isNotNull();
        }
    }

    @Test
    void aTemplateFilledForTheContactOpensTheComposerWithWhatIsStillToWrite() {
        when(api.get("/api/contacts/{id}", "c1")).thenReturn(Map.of("id", "c1", "name", "Priya Raman"));
        when(api.list("/api/templates")).thenReturn(java.util.List.of(Map.of("id", "t1", "name", "Alumni")));
        when(api.post(org.mockito.ArgumentMatchers.eq("/api/templates/{tid}/render"),
                org.mockito.ArgumentMatchers.eq(Map.of("contactId", "c1", "purpose", "product management")),
                org.mockito.ArgumentMatchers.eq("t1")))
                .thenReturn(Map.of("text", "Hi Priya, {{hook}} I am exploring product management.", "missing", java.util.List.of("hook")));
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("templateId", "t1");
        form.add("purpose", "product management");
        ExtendedModelMap model = new ExtendedModelMap();

        assertThat(composer.fromTemplate("c1", form, model, new org.springframework.mock.web.MockHttpServletResponse())).isEqualTo("outreach");

        assertThat(((Map<?, ?>) model.get("form")).get("text")).isEqualTo("Hi Priya, {{hook}} I am exploring product management.");
        assertThat(model.get("missing")).isEqualTo(java.util.List.of("hook"));
    }

    @Test
    void noTemplateChosenIsAFieldMessageNotAnError() {
        when(api.get("/api/contacts/{id}", "c1")).thenReturn(Map.of("id", "c1", "name", "Priya Raman"));
        org.springframework.mock.web.MockHttpServletResponse response = new org.springframework.mock.web.MockHttpServletResponse();
        ExtendedModelMap model = new ExtendedModelMap();

        composer.fromTemplate("c1", new org.springframework.util.LinkedMultiValueMap<>(), model, response);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(model.get("errors")).isEqualTo(Map.of("templateId", "choose a template"));
    }
}
