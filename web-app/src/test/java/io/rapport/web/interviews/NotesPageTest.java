package io.rapport.web.interviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.rapport.web.gateway.ApiProblem;
import io.rapport.web.gateway.Gateway;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

class NotesPageTest {

    private final Gateway api = mock(Gateway.class);
    private final NotesPage page = new NotesPage(api, new InterviewsPage(api));

    NotesPageTest() {
        // a forked call runs here, on the test's thread, against the same mocked API
        when(api.fork(any())).thenAnswer(call -> java.util.concurrent.CompletableFuture.completedFuture(
                call.<java.util.function.Function<Gateway, Object>>getArgument(0).apply(api)));
    }

    @Test
    void aReferralIsSentWithItsOwnFieldsNotTheNotesForms() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("referral-name", "Ana Silva");
        form.add("referral-employer", "Northwind Health");
        form.add("referral-role", "");
        form.add("referral-mayUseReferrerName", "on");
        form.add("employer", "what the notes form holds");

        assertThat(page.addReferral("i1", form, new ExtendedModelMap(), new RedirectAttributesModelMap(),
                new MockHttpServletResponse())).isEqualTo("redirect:/interviews/i1");

        verify(api).post("/api/notes/{id}/referrals", Map.of("name", "Ana Silva", "employer", "Northwind Health",
                "mayUseReferrerName", true), "i1");
    }

    @Test
    void aRefusedActionItemShowsTheMessageOnTheActionFormAndKeepsTheText() {
        when(api.post(eq("/api/notes/{id}/action-items"), any(), eq("i1"))).thenThrow(new ApiProblem(400,
                "Invalid request", null, Map.of("dueOn", "is required (YYYY-MM-DD)")));
        when(api.get("/api/interviews/{id}", "i1")).thenReturn(Map.of("id", "i1", "status", "HELD"));
        when(api.get("/api/notes/{id}", "i1")).thenReturn(Map.of("consent", "GRANTED"));
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("action-text", "Publish one dashboard");
        ExtendedModelMap model = new ExtendedModelMap();
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(page.addActionItem("i1", form, model, new RedirectAttributesModelMap(), response)).isEqualTo("interview");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(model.get("errors")).isEqualTo(Map.of("action-dueOn", "is required (YYYY-MM-DD)"));
        assertThat(model.get("form")).isEqualTo(Map.of("action-text", "Publish one dashboard"));
    }
}
