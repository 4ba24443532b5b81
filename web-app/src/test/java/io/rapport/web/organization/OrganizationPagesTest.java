package io.rapport.web.organization;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The organization's pages as each role reaches them, with the API (the gateway) answering as it would: what each
 * role may open, what the page then says, and a refusal drawn again with the field's message and what was typed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrganizationPagesTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Gateway api;

    private static RequestPostProcessor as(String role) {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    private MvcResult page(String path, String role) throws Exception {
        return mvc.perform(get(path).with(as(role))).andReturn();
    }

    // --- who may open what ---

    @Test
    void anAdvisorOnAMembersPageGetsThePageThatSaysSoNotAnError() throws Exception {
        for (String path : List.of("/employers", "/contacts", "/sharing", "/synthesis", "/admin/figures")) {
            MvcResult page = page(path, "ADVISOR");
            assertThat(page.getResponse().getStatus()).as(path).isEqualTo(403);
            assertThat(page.getResponse().getForwardedUrl()).as(path).isEqualTo("/not-for-you");
        }
        verify(api, never()).list(anyString());
    }

    @Test
    void aMemberOnTheAdminsPagesOrTheCaseloadGetsThePageThatSaysSo() throws Exception {
        for (String path : List.of("/admin", "/admin/figures", "/advisor", "/advisor/members/demo")) {
            MvcResult page = page(path, "MEMBER");
            assertThat(page.getResponse().getStatus()).as(path).isEqualTo(403);
            assertThat(page.getResponse().getForwardedUrl()).as(path).isEqualTo("/not-for-you");
        }
    }

    @Test
    void thePageForAnotherRoleSaysWhoIsSignedInAndWhereTheirPagesAre() throws Exception {
        MvcResult page = page("/not-for-you", "ADVISOR");

        assertThat(page.getResponse().getStatus()).isEqualTo(403);
        assertThat(page.getResponse().getContentAsString()).contains("This page is not one of yours",
                "signed in as <strong>advisor</strong>", "<a href=\"/advisor\">Go to your pages</a>");
    }

    @Test
    void anAdvisorStartsOnTheCaseloadAndAnAdminOnTheOrganization() throws Exception {
        assertThat(page("/", "ADVISOR").getResponse().getRedirectedUrl()).isEqualTo("/advisor");
        assertThat(page("/", "ADMIN").getResponse().getRedirectedUrl()).isEqualTo("/admin");
    }

    @Test
    void theNavigationShowsOnlyWhatTheRoleOpens() throws Exception {
        when(api.get("/api/insights/advisor/caseload")).thenReturn(Map.of("members", List.of()));
        when(api.get("/api/insights/sharing")).thenReturn(Map.of("shares", List.of(), "advisors", List.of()));

        String advisor = page("/advisor", "ADVISOR").getResponse().getContentAsString();
        assertThat(advisor).contains("href=\"/advisor\"").doesNotContain("href=\"/employers\"", "href=\"/admin\"", "href=\"/sharing\"");

        String member = page("/sharing", "MEMBER").getResponse().getContentAsString();
        assertThat(member).contains("href=\"/employers\"", "href=\"/sharing\"").doesNotContain("href=\"/advisor\"", "href=\"/admin\"");
    }

    // --- the member's sharing ---

    @Test
    void theSharingPageSaysWhatEachTierShowsAndTheCurrentChoicePerAdvisor() throws Exception {
        when(api.get("/api/insights/sharing")).thenReturn(Map.of(
                "shares", List.of(Map.of("advisorId", "advisor", "tier", "PROGRESS")), "advisors", List.of("advisor", "coach")));

        String page = page("/sharing", "MEMBER").getResponse().getContentAsString();

        assertThat(page).contains("Counts and stages", "No names", "Never their e-mail", "Advisor advisor", "Advisor coach");
        assertThat(page).containsPattern("id=\"tier-0-PROGRESS\"[^>]*checked").containsPattern("id=\"tier-1-NOTHING\"[^>]*checked");
        assertThat(page).contains("Revoke everything shared with advisor").doesNotContain("Revoke everything shared with coach");
    }

    @Test
    void revokingSharesNothingWithThatAdvisor() throws Exception {
        when(api.put(eq("/api/insights/sharing/{advisorId}"), any(), eq("advisor"))).thenReturn(Map.of("advisorId", "advisor", "tier", "NOTHING"));

        MvcResult done = mvc.perform(post("/sharing/advisor/revoke").with(as("MEMBER")).with(csrf())).andReturn();

        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/sharing");
        assertThat(done.getFlashMap().get("flash")).isEqualTo("advisor no longer sees anything of yours.");
        verify(api).put("/api/insights/sharing/{advisorId}", Map.of("tier", "NOTHING"), "advisor");
    }

    // --- the advisor's pages ---

    @Test
    void theCaseloadKeepsTheServicesOrderAndSaysTheSignalsInWords() throws Exception {
        when(api.get("/api/insights/advisor/caseload")).thenReturn(Map.of("members", List.of(
                row("amara", List.of(Map.of("kind", "OUTREACH_WITHOUT_FOLLOW_UP", "count", 2), Map.of("kind", "NO_ACTIVITY_FOR_14_DAYS", "count", 1))),
                row("demo", List.of()))));

        String page = page("/advisor", "ADVISOR").getResponse().getContentAsString();

        assertThat(page).contains("2 outreach have waited more than 7 business days with no follow-up", "No activity for 14 days", "On track");
        assertThat(page.indexOf("data-member=\"amara\"")).isLessThan(page.indexOf("data-member=\"demo\""));
        assertThat(page).contains("<svg role=\"img\"", "id=\"glance-table\"");
    }

    @Test
    void aNudgeRefusedShowsTheMessageNextToTheFieldAndKeepsTheText() throws Exception {
        when(api.get("/api/insights/advisor/members/{memberId}", "demo")).thenReturn(Map.of("row", row("demo", List.of()),
                "contactsByStage", Map.of()));
        String typed = "Try a second contact at Northwind <b>today</b>";
        when(api.post(eq("/api/insights/advisor/members/{memberId}/nudges"), any(), eq("demo")))
                .thenThrow(new ApiProblem(400, "Invalid request", null, Map.of("text", "must be at most 500 characters")));

        MvcResult page = mvc.perform(post("/advisor/members/demo/nudges").param("text", typed).with(as("ADVISOR")).with(csrf())).andReturn();

        assertThat(page.getResponse().getStatus()).isEqualTo(400);
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("id=\"text-error\"", "must be at most 500 characters", "aria-invalid=\"true\"",
                "Try a second contact at Northwind &lt;b&gt;today&lt;/b&gt;</textarea>", "Up to 500 characters");
    }

    @Test
    void aDrillDownShowsOnlyWhatTheTierAllows() throws Exception {
        when(api.get("/api/insights/advisor/members/{memberId}", "demo")).thenReturn(Map.of("row", row("demo", List.of()),
                "contactsByStage", Map.of("IDENTIFIED", 2)));

        String progress = page("/advisor/members/demo", "ADVISOR").getResponse().getContentAsString();

        assertThat(progress).contains("identified: 2", "Send the nudge")
                .doesNotContain("id=\"contacts-table\"", "synthesis-heading", "notes-heading");
    }

    @Test
    void aFullShareAddsTheContactsAndTheSynthesisSize() throws Exception {
        Map<String, Object> full = new java.util.HashMap<>(row("demo", List.of()));
        full.put("tier", "FULL");
        when(api.get("/api/insights/advisor/members/{memberId}", "demo")).thenReturn(Map.of("row", full,
                "contactsByStage", Map.of("CONTACTED", 1), "synthesis", Map.of("interviews", 2, "themes", 4),
                "contacts", List.of(Map.of("contactId", "c1", "name", "Priya Raman", "employer", "Northwind Health",
                        "role", "Product Manager", "stage", "CONTACTED")),
                "notes", List.of(Map.of("interviewId", "i1", "contactId", "c1",
                        "entries", List.of(Map.of("category", "day_to_day", "text", "Standups at 9 <b>sharp</b>")),
                        "takeaways", List.of("Learn dbt", "Ask about rotations")))));

        String page = page("/advisor/members/demo", "ADVISOR").getResponse().getContentAsString();

        assertThat(page).contains("id=\"contacts-table\"", "Priya Raman", "Northwind Health", "4 themes across 2 interviews.",
                "<strong id=\"tier\">full</strong>", "Interview notes", "<h3>Priya Raman</h3>", "day to day:",
                "Standups at 9 &lt;b&gt;sharp&lt;/b&gt;", "Learn dbt; Ask about rotations");
    }

    @Test
    void theSynthesisTierShowsTheAnonymizedThemes() throws Exception {
        Map<String, Object> shared = new java.util.HashMap<>(row("demo", List.of()));
        shared.put("tier", "SYNTHESIS");
        when(api.get("/api/insights/advisor/members/{memberId}", "demo")).thenReturn(Map.of("row", shared,
                "contactsByStage", Map.of("CONTACTED", 1), "synthesis", Map.of("interviews", 3, "themes", 7,
                        "anonymized", Map.of("interviews", 2,
                                "themes", List.of(Map.of("category", "skills", "label", "sql", "interviews", 2, "singlePerspective", false),
                                        Map.of("category", "day_to_day", "label", "on call", "interviews", 1, "singlePerspective", true)),
                                "skillGaps", List.of(Map.of("category", "skills", "label", "stakeholder communication",
                                        "interviews", 2, "singlePerspective", false))))));

        String page = page("/advisor/members/demo", "ADVISOR").getResponse().getContentAsString();

        assertThat(page).contains("7 themes across 3 interviews.", "id=\"shared-themes\"", "<strong>sql</strong>",
                "(skills, 2 interviews)", "(day to day, one perspective)", "stakeholder communication")
                .doesNotContain("id=\"contacts-table\"");
    }

    @Test
    void aRevokedMembersPageIsNotFound() throws Exception {
        when(api.get("/api/insights/advisor/members/{memberId}", "demo")).thenThrow(new ApiProblem(404, "Not Found", null, Map.of()));

        MvcResult page = page("/advisor/members/demo", "ADVISOR");

        assertThat(page.getResponse().getStatus()).isEqualTo(404);
        assertThat(page.getResponse().getContentAsString()).contains("Not found");
    }

    // --- the admin's pages ---

    @Test
    void aMinimumGroupSizeRefusedKeepsWhatWasTypedWithTheMessage() throws Exception {
        when(api.list("/api/insights/admin/cohorts")).thenReturn(List.of());
        when(api.get("/api/insights/admin/settings")).thenReturn(Map.of("minGroupSize", 5));
        when(api.put(eq("/api/insights/admin/settings"), any()))
                .thenThrow(new ApiProblem(400, "Invalid request", null, Map.of("minGroupSize", "must be between 3 and 1000")));

        MvcResult page = mvc.perform(post("/admin/settings").param("minGroupSize", "2").with(as("ADMIN")).with(csrf())).andReturn();

        assertThat(page.getResponse().getStatus()).isEqualTo(400);
        assertThat(page.getResponse().getContentAsString()).contains("id=\"minGroupSize-error\"", "must be between 3 and 1000",
                "value=\"2\"", "Minimum group size (3 to 1000)");
        verify(api).put("/api/insights/admin/settings", Map.of("minGroupSize", 2));
    }

    @Test
    void aMemberAddedWithoutANameIsRefusedHereNamingTheField() throws Exception {
        when(api.get("/api/insights/admin/cohorts/{cohortId}/members", "c1")).thenReturn(Map.of("members", List.of("demo")));
        when(api.list("/api/insights/admin/cohorts")).thenReturn(List.of(Map.of("id", "c1", "name", "Class of 2026")));

        MvcResult page = mvc.perform(post("/admin/cohorts/c1/members").param("memberId", " ").with(as("ADMIN")).with(csrf())).andReturn();

        assertThat(page.getResponse().getStatus()).isEqualTo(400);
        assertThat(page.getResponse().getContentAsString()).contains("id=\"memberId-error\"", "is required", "Class of 2026");
        verify(api, never()).put(anyString(), any(), any(Object[].class));
    }

    @Test
    void aCohortDefinedLeadsToItsPage() throws Exception {
        when(api.post(eq("/api/insights/admin/cohorts"), any())).thenReturn(Map.of("id", "c9", "name", "MBA"));

        MvcResult done = mvc.perform(post("/admin/cohorts").param("name", "MBA").param("kind", "").with(as("ADMIN")).with(csrf())).andReturn();

        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/admin/cohorts/c9");
        verify(api).post("/api/insights/admin/cohorts", Map.of("name", "MBA"));
    }

    @Test
    void theFiguresMarkSuppressedCellsAsSuchInTheTableAndTheWeeklyChart() throws Exception {
        String thisWeek = week(0);
        String lastWeek = week(1);
        when(api.get("/api/insights/admin/figures?period=to-date")).thenReturn(Map.of("minGroupSize", 5,
                "total", Map.of("ACTIVE_MEMBERS", 8.0, "REPLY_RATE", 0.5),
                "cohorts", List.of(Map.of("cohortId", "mba", "name", "MBA", "figures", Map.of())),
                "periods", List.of("to-date", lastWeek, thisWeek)));
        when(api.getAll(List.of("/api/insights/admin/figures?period=" + lastWeek, "/api/insights/admin/figures?period=" + thisWeek)))
                .thenReturn(List.of(Map.of("total", Map.of("ACTIVE_MEMBERS", 6.0)), Map.of("total", Map.of())));

        String page = page("/admin/figures", "ADMIN").getResponse().getContentAsString();

        assertThat(page).contains(">8<", ">50 %<", "Whole organization", "MBA");
        assertThat(page).containsPattern("<td class=\"suppressed\">suppressed</td>");
        assertThat(page).contains("<td>" + lastWeek + "</td>", ">6<", "rect class=\"suppressed\"");
        assertThat(page).containsPattern("<td>" + thisWeek + "</td>\\s*<td class=\"suppressed\">suppressed \\(fewer than k members\\)</td>");
        assertThat(page).containsPattern("<td>" + week(2) + "</td>\\s*<td>no activity</td>");
        verify(api).getAll(List.of("/api/insights/admin/figures?period=" + lastWeek, "/api/insights/admin/figures?period=" + thisWeek));
    }

    @Test
    void theTopIndustriesApproachedAreListedPerGroupAndAGroupWithNoneShownSaysSo() throws Exception {
        when(api.get("/api/insights/admin/figures?period=to-date")).thenReturn(Map.of("minGroupSize", 5,
                "total", Map.of("ACTIVE_MEMBERS", 12.0),
                "topIndustries", List.of(Map.of("industry", "Fintech", "members", 9), Map.of("industry", "Health Care", "members", 5)),
                "cohorts", List.of(Map.of("cohortId", "mba", "name", "MBA", "figures", Map.of(), "topIndustries", List.of()),
                        Map.of("cohortId", "phd", "name", "PhD", "figures", Map.of(),
                                "topIndustries", List.of(Map.of("industry", "Biotech", "members", 6)))),
                "periods", List.of("to-date", week(0))));
        when(api.getAll(List.of("/api/insights/admin/figures?period=" + week(0)))).thenReturn(List.of(Map.of(
                "topIndustries", List.of(Map.of("industry", "Fintech", "members", 7)),
                "cohorts", List.of(Map.of("cohortId", "phd", "name", "PhD", "figures", Map.of(), "topIndustries", List.of())))));

        String page = page("/admin/figures", "ADMIN").getResponse().getContentAsString();

        String industries = page.substring(page.indexOf("id=\"industries-table\""), page.indexOf("id=\"weekly-heading\""));
        assertThat(industries).containsPattern("Whole organization</th>\\s*<td><ol class=\"industries\">\\s*"
                + "<li><span>Fintech</span> \\(<span>9</span>\\)</li>\\s*<li><span>Health Care</span> \\(<span>5</span>\\)</li>");
        assertThat(industries).containsPattern("MBA</th>\\s*<td class=\"suppressed\">none shown \\(fewer than k members each\\)</td>");
        assertThat(industries).containsPattern("PhD</th>\\s*<td><ol class=\"industries\">\\s*<li><span>Biotech</span> \\(<span>6</span>\\)</li>");
        // this week: the organization's own list, and the cohorts' (none shown for either here)
        assertThat(industries).contains("This week (" + week(0) + ")");
        assertThat(industries).containsPattern("Health Care</span> \\(<span>5</span>\\)</li>\\s*</ol></td>\\s*<td><ol class=\"industries\">\\s*"
                + "<li><span>Fintech</span> \\(<span>7</span>\\)</li>");
        assertThat(industries).containsPattern("\\(<span>6</span>\\)</li>\\s*</ol></td>\\s*<td class=\"suppressed\">none shown");
    }

    /** The ISO week {@code back} weeks ago, as the service names it. */
    private static String week(int back) {
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusWeeks(back);
        return String.format("%d-W%02d", day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    @Test
    void aVolunteerRefusedKeepsEveryFieldAndTheTopicsAreSentAsAList() throws Exception {
        when(api.list("/api/insights/admin/volunteers")).thenReturn(List.of());
        when(api.post(eq("/api/insights/admin/volunteers"), any()))
                .thenThrow(new ApiProblem(400, "Invalid request", null, Map.of("monthlyCap", "must be between 1 and 100")));

        MvcResult page = mvc.perform(post("/admin/volunteers").param("name", "Lin Okafor").param("email", "lin@example.org")
                .param("topics", "grid storage, , research to industry").param("monthlyCap", "0").with(as("ADMIN")).with(csrf())).andReturn();

        assertThat(page.getResponse().getStatus()).isEqualTo(400);
        assertThat(page.getResponse().getContentAsString()).contains("value=\"Lin Okafor\"", "value=\"lin@example.org\"",
                "value=\"grid storage, , research to industry\"", "id=\"v-monthlyCap-error\"", "must be between 1 and 100");
        verify(api).post("/api/insights/admin/volunteers", Map.of("name", "Lin Okafor", "email", "lin@example.org",
                "monthlyCap", 0, "topics", List.of("grid storage", "research to industry")));
    }

    @Test
    void aVolunteerWhoseMonthIsFullIsRefusedWithTheServicesWordsBesideThem() throws Exception {
        when(api.list("/api/insights/volunteers")).thenReturn(List.of(Map.of("id", "v1", "name", "Lin Okafor", "topics", List.of(),
                "monthlyCap", 1, "requestsLeftThisMonth", 0)));
        when(api.post("/api/insights/volunteers/{volunteerId}/requests", null, "v1")).thenThrow(new ApiProblem(409, "Conflict",
                "Lin Okafor has already received this month's 1 request and takes new ones from 2026-12-01.", Map.of()));

        MvcResult page = mvc.perform(post("/volunteers/v1/requests").with(as("MEMBER")).with(csrf())).andReturn();

        assertThat(page.getResponse().getStatus()).isEqualTo(409);
        assertThat(page.getResponse().getContentAsString()).contains("0 of 1 requests left this month",
                "<p class=\"field-error\">Lin Okafor has already received this month&#39;s 1 request and takes new ones from 2026-12-01.</p>");
    }

    private static Map<String, Object> row(String member, List<Map<String, Object>> signals) {
        return Map.of("memberId", member, "tier", "PROGRESS", "signals", signals, "funnel", Map.of("targets", 1, "contacts", 2,
                "outreachSent", 3, "replies", 1, "interviewsHeld", 0, "thankYousWithin24h", 0, "thankYousWithin48h", 0, "referrals", 0));
    }
}
