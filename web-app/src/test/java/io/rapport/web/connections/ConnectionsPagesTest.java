package io.rapport.web.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.rapport.web.gateway.ApiProblem;
import io.rapport.web.gateway.Gateway;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The mailbox and calendar page as a member sees it, with the API (the gateway) answering as contacts-service's
 * {@code /api/mailbox} and scheduling-service's {@code /api/calendar} do: not connected, connected, paused or failing,
 * a refusal drawn next to its field, disconnecting; and a password typed here never comes back in a page or a log.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ConnectionsPagesTest {

    private static final String PASSWORD = "xkcd-Correct-Horse-4711";
    private static final String TOKEN = "tok-Battery-Staple-0815";
    private static final ApiProblem NONE = new ApiProblem(404, "Not Found", "No mailbox of this member", Map.of());

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Gateway api;

    @BeforeEach
    void forkedCallsRunHere() {
        // a forked call runs on the test's thread, against the same mocked API
        when(api.fork(any())).thenAnswer(call -> {
            Function<Gateway, Object> forked = call.getArgument(0);
            try {
                return CompletableFuture.completedFuture(forked.apply(api));
            } catch (RuntimeException refused) {
                return CompletableFuture.failedFuture(refused);
            }
        });
    }

    private static RequestPostProcessor member() {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_MEMBER"));
    }

    private String page() throws Exception {
        MvcResult page = mvc.perform(get("/connections").with(member())).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        return page.getResponse().getContentAsString();
    }

    private MvcResult submit(MockHttpServletRequestBuilder form) throws Exception {
        return mvc.perform(form.with(member()).with(csrf())).andReturn();
    }

    private static Map<String, Object> watchedMailbox() {
        Map<String, Object> mailbox = new HashMap<>(Map.of("mailboxId", "m1", "state", "CONNECTED",
                "host", "imap.example.org", "port", 993, "tls", true, "user", "ada@example.org",
                "connectedAt", "2026-11-29T18:00:00Z", "lastCheckedAt", "2026-11-29T19:04:31.25Z"));
        mailbox.put("lastError", null);
        return mailbox;
    }

    private static Map<String, Object> connectedCalendar() {
        return Map.of("url", "https://calendar.example.org/dav/ada/work/", "user", "ada", "auth", "PASSWORD",
                "status", "CONNECTED", "connectedAt", "2026-11-28T08:00:00Z", "lastSyncAt", "2026-11-29T19:00:00Z");
    }

    @Test
    void notConnectedSaysSoAndOffersBothFormsWithWhatRapportDoesWithTheAccess() throws Exception {
        when(api.get("/api/mailbox")).thenThrow(NONE);
        when(api.get("/api/calendar")).thenThrow(new ApiProblem(404, "Not Found", null, Map.of()));

        String page = page();

        assertThat(page).contains("<strong id=\"mailbox-state\">Not connected.</strong>",
                "<strong id=\"calendar-state\">Not connected.</strong>", "Connect your mailbox", "Connect your calendar");
        assertThat(page).contains("reads only the headers of messages exchanged with your contacts",
                "notices when a contact replies", "writes the interviews you schedule into this calendar",
                "reads only when you are busy");
        assertThat(page).containsPattern("<input id=\"mailbox-password\" name=\"mailbox-password\" type=\"password\"")
                .containsPattern("<input id=\"calendar-password\" name=\"calendar-password\" type=\"password\"")
                .containsPattern("<input id=\"calendar-token\" name=\"calendar-token\" type=\"password\"")
                .containsPattern("id=\"mailbox-tls\"[^>]*checked");
        assertThat(page).doesNotContain("Disconnect the mailbox", "Disconnect the calendar");
        // every form posts with the session's CSRF token
        assertThat(page).containsPattern("action=\"/connections/mailbox\"[^>]*>\\s*<input type=\"hidden\" name=\"_csrf\"");
    }

    @Test
    void aWatchedMailboxAndAConnectedCalendarShowWhatTheApiSaysAndCanBeConnectedAgain() throws Exception {
        when(api.get("/api/mailbox")).thenReturn(watchedMailbox());
        when(api.get("/api/calendar")).thenReturn(connectedCalendar());

        String page = page();

        assertThat(page).contains(">Watching</strong>", "imap.example.org:993 (TLS)", "ada@example.org",
                "2026-11-29 19:04 UTC", "Disconnect the mailbox");
        assertThat(page).contains(">Connected</strong>", "https://calendar.example.org/dav/ada/work/", "as ada",
                "2026-11-29 19:00 UTC", "Disconnect the calendar");
        // connecting again is typing the new password only
        assertThat(page).contains("value=\"imap.example.org\"", "value=\"993\"", "Connect again");
        assertThat(page).doesNotContain("Not connected.");
        assertThat(page).containsPattern("<input id=\"mailbox-password\"(?![^>]*value=)[^>]*>");
    }

    @Test
    void aPausedMailboxSaysWhyAndWhatToDo() throws Exception {
        Map<String, Object> paused = watchedMailbox();
        paused.put("state", "PAUSED");
        paused.put("lastError", "Paused after 3 failed sign-ins: the server refused the user name or password. Connect"
                + " the mailbox again with the right password or app password to resume.");
        when(api.get("/api/mailbox")).thenReturn(paused);
        when(api.get("/api/calendar")).thenThrow(new ApiProblem(404, "Not Found", null, Map.of()));

        String page = page();

        assertThat(page).contains(">Paused</strong>", "Paused after 3 failed sign-ins: the server refused the user name or password.",
                "Connect the mailbox again with the right password or app password to resume.", "Connect again");
        assertThat(page).containsPattern("id=\"mailbox-notice\" class=\"problem\"");
    }

    @Test
    void aFailingCheckOrCalendarSaysWhatWentWrongAndThatRapportRetries() throws Exception {
        Map<String, Object> failing = watchedMailbox();
        failing.put("lastError", "The mail server could not be reached");
        when(api.get("/api/mailbox")).thenReturn(failing);
        when(api.get("/api/calendar")).thenReturn(Map.of("url", "https://calendar.example.org/dav/ada/work/",
                "auth", "TOKEN", "status", "FAILING", "connectedAt", "2026-11-28T08:00:00Z",
                "lastError", "the calendar server answered 401: check the password", "lastErrorAt", "2026-11-29T17:30:00Z"));

        String page = page();

        assertThat(page).contains("Watching, but the last check failed", "The mail server could not be reached. Rapport tries again on its own");
        assertThat(page).contains(">Failing</strong>", "with a token",
                "The last call to your calendar failed (2026-11-29 17:30 UTC): the calendar server answered 401: check the password.");
    }

    @Test
    void aRefusedMailboxShowsTheMessageNextToTheFieldKeepsWhatWasTypedButNeverThePassword(CapturedOutput log) throws Exception {
        when(api.put(eq("/api/mailbox"), any())).thenThrow(new ApiProblem(400, "Invalid request", null,
                Map.of("host", "must be a host name such as imap.example.org", "port", "must be between 1 and 65535")));
        when(api.get("/api/mailbox")).thenThrow(NONE);
        when(api.get("/api/calendar")).thenThrow(new ApiProblem(404, "Not Found", null, Map.of()));

        MvcResult page = submit(post("/connections/mailbox").param("mailbox-host", "imap example").param("mailbox-port", "0")
                .param("mailbox-tls", "on").param("mailbox-user", "ada@example.org").param("mailbox-password", PASSWORD));

        assertThat(page.getResponse().getStatus()).isEqualTo(400);
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("id=\"mailbox-host-error\"", "must be a host name such as imap.example.org",
                "id=\"mailbox-port-error\"", "must be between 1 and 65535", "aria-invalid=\"true\"",
                "value=\"imap example\"", "value=\"ada@example.org\"");
        assertThat(html).containsPattern("id=\"mailbox-host\"[^>]*aria-describedby=\"mailbox-host-error\"");
        assertThat(html).as("the password is never drawn into a page").doesNotContain(PASSWORD);
        // the API got it, as typed, and the port as a number
        verify(api).put("/api/mailbox", Map.of("host", "imap example", "port", 0, "tls", true, "user", "ada@example.org",
                "password", PASSWORD));
        assertThat(log.getAll()).as("the password is never logged").doesNotContain(PASSWORD);
    }

    @Test
    void aRefusedCalendarShowsTheMessageOnTheCalendarsFieldNotTheMailboxs(CapturedOutput log) throws Exception {
        when(api.put(eq("/api/calendar"), any())).thenThrow(new ApiProblem(400, "Invalid request", null,
                Map.of("token", "give either a password or a token, not both")));
        when(api.get("/api/mailbox")).thenThrow(NONE);
        when(api.get("/api/calendar")).thenThrow(new ApiProblem(404, "Not Found", null, Map.of()));

        MvcResult page = submit(post("/connections/calendar").param("calendar-url", "https://calendar.example.org/dav/ada/work/")
                .param("calendar-user", "ada").param("calendar-password", PASSWORD).param("calendar-token", TOKEN));

        assertThat(page.getResponse().getStatus()).isEqualTo(400);
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("<p id=\"calendar-token-error\" class=\"field-error\">give either a password or a token, not both</p>",
                "value=\"https://calendar.example.org/dav/ada/work/\"", "id=\"calendar-problem\"");
        assertThat(html).doesNotContain("mailbox-user-error", "id=\"mailbox-problem\"");
        assertThat(html).doesNotContain(PASSWORD, TOKEN);
        assertThat(log.getAll()).doesNotContain(PASSWORD, TOKEN);
    }

    @Test
    void aServiceWithoutItsSealingKeySaysSoInItsSectionAndTheOtherStillWorks() throws Exception {
        when(api.get("/api/mailbox")).thenThrow(new ApiProblem(503, "Service Unavailable",
                "Mailbox connections are off on this server: it has no key to seal credentials with (rapport.mailbox.key).", Map.of()));
        when(api.get("/api/calendar")).thenReturn(connectedCalendar());

        String page = page();

        assertThat(page).contains("Mailboxes cannot be connected right now.", "Mailbox connections are off on this server");
        assertThat(page).doesNotContain("action=\"/connections/mailbox\"");
        assertThat(page).contains(">Connected</strong>", "Disconnect the calendar");
    }

    @Test
    void aCalendarRefusedForWantOfAKeyShowsTheServicesWordsInItsSection() throws Exception {
        when(api.put(eq("/api/calendar"), any())).thenThrow(new ApiProblem(409, "Conflict",
                "Calendar connections are not set up on this Rapport: the operator has to set rapport.calendar.key", Map.of()));
        when(api.get("/api/mailbox")).thenThrow(NONE);
        when(api.get("/api/calendar")).thenThrow(new ApiProblem(404, "Not Found", null, Map.of()));

        MvcResult page = submit(post("/connections/calendar").param("calendar-url", "https://calendar.example.org/dav/ada/work/")
                .param("calendar-token", TOKEN));

        assertThat(page.getResponse().getStatus()).isEqualTo(409);
        assertThat(page.getResponse().getContentAsString())
                .containsPattern("id=\"calendar-problem\">\\s*<strong>Conflict</strong>\\s*<span>Calendar connections are not set up")
                .doesNotContain(TOKEN);
    }

    @Test
    void connectingLeadsBackToThePageSayingSo() throws Exception {
        when(api.put(eq("/api/mailbox"), any())).thenReturn(watchedMailbox());

        MvcResult done = submit(post("/connections/mailbox").param("mailbox-host", "imap.example.org").param("mailbox-port", "")
                .param("mailbox-user", "ada@example.org").param("mailbox-password", " app pass with spaces "));

        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/connections");
        assertThat((String) done.getFlashMap().get("flash")).startsWith("Mailbox connected");
        // TLS unticked is said, not left to the default; the password exactly as typed
        verify(api).put("/api/mailbox", Map.of("host", "imap.example.org", "tls", false, "user", "ada@example.org",
                "password", " app pass with spaces "));
    }

    @Test
    void disconnectingDeletesTheConnectionAndSaysWhatIsGone() throws Exception {
        MvcResult mailbox = submit(post("/connections/mailbox/disconnect"));
        MvcResult calendar = submit(post("/connections/calendar/disconnect"));

        assertThat(mailbox.getResponse().getRedirectedUrl()).isEqualTo("/connections");
        assertThat((String) mailbox.getFlashMap().get("flash")).contains("Mailbox disconnected", "deleted its password");
        verify(api).delete("/api/mailbox");
        assertThat(calendar.getResponse().getRedirectedUrl()).isEqualTo("/connections");
        assertThat((String) calendar.getFlashMap().get("flash")).contains("Calendar disconnected");
        verify(api).delete("/api/calendar");
    }

    @Test
    void disconnectingWithoutTheFormsCsrfTokenIsRefused() throws Exception {
        MvcResult forged = mvc.perform(post("/connections/mailbox/disconnect").with(member())).andReturn();

        assertThat(forged.getResponse().getStatus()).isEqualTo(403);
        verify(api, never()).delete(anyString());
    }

    @Test
    void onlyAMemberHasTheseConnectionsAndTheAccountPageLeadsThere() throws Exception {
        MvcResult advisor = mvc.perform(get("/connections").with(oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_ADVISOR"))))
                .andReturn();
        assertThat(advisor.getResponse().getStatus()).isEqualTo(403);

        String account = mvc.perform(get("/account").with(member())).andReturn().getResponse().getContentAsString();
        assertThat(account).contains("<a href=\"/connections\">Mail and calendar</a>");
    }

    @Test
    void theFormAsTheApiTakesIt() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("mailbox-host", "imap.example.org");
        form.add("mailbox-port", "ninety");
        form.add("mailbox-tls", "on");
        form.add("calendar-url", "https://calendar.example.org/dav/ada/work/");
        form.add("calendar-password", "");
        form.add("calendar-token", TOKEN);

        assertThat(ConnectionsPage.mailboxJson(form)).isEqualTo(Map.of("host", "imap.example.org", "port", "ninety", "tls", true));
        assertThat(ConnectionsPage.calendarJson(form)).isEqualTo(Map.of("url", "https://calendar.example.org/dav/ada/work/",
                "token", TOKEN));
        assertThat(ConnectionsPage.withoutSecrets(form).toSingleValueMap()).doesNotContainKeys("calendar-password", "calendar-token")
                .containsEntry("mailbox-port", "ninety");
    }
}
