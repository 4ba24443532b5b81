package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.launcher.browser.Browser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The organization's side in a real browser (Debian's headless chromium), on the whole system as {@code ./rapport run}
 * starts it, with the provider's three demo users each signed in in a browser of their own: the admin defines a cohort
 * with the member in it and assigns the advisor; the member shares their progress with the advisor; the advisor finds
 * them in the caseload, opens them and sends a nudge, which reaches the member's Today; the member revokes, and the
 * advisor's caseload no longer lists them within seconds; the admin's cohort figures mark their suppressed cells as
 * such. Five peers of the member (made through the gateway's API, as the demo loader makes its peers) have written to
 * a contact each, so the whole organization has figures to show beside the suppressed ones. Each page is checked with axe-core (no serious or critical WCAG 2.2 AA finding); screenshots are kept in
 * {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrganizationBrowserIT {

    private static final Duration EVENTS = Duration.ofSeconds(60);
    /** The "a revocation hides the data within seconds". */
    private static final Duration REVOCATION = Duration.ofSeconds(5);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String NUDGE = "Try a second contact at Northwind this week.";
    /** Enough members with outreach for the whole organization's figures at k = 5. */
    private static final int PEERS = 5;

    private static EmbeddedSystem system;
    private static Browser admin;
    private static Browser member;
    private static Browser advisor;
    private static String web;
    private static String cohortPage;

    @BeforeAll
    static void start() throws IOException {
        String missing = Browser.missing();
        Assumptions.assumeTrue(missing == null, missing);
        LaunchSettings settings = LaunchSettings.defaults()
                .withRepoRoot(Path.of("..").toAbsolutePath().normalize())
                .withDataDir(Files.createDirectories(Path.of("target", "organization-browser-data").toAbsolutePath()))
                .withReset(true)
                .withReadyTimeout(Duration.ofSeconds(240));
        List<Integer> ports = FreePorts.take(PortName.values().length);
        for (PortName name : PortName.values()) {
            settings = settings.withPort(name, ports.get(name.ordinal()));
        }
        system = EmbeddedSystem.start(settings, System.out::println);
        web = system.serviceUri("web-app").toString();
        peersWriteToAContactEach(new GatewayClient(system.gatewayUri(), DemoMember.TENANT));
        admin = Browser.open(SCREENSHOTS);
        member = Browser.open(SCREENSHOTS);
        advisor = Browser.open(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        for (Browser browser : new Browser[] {admin, member, advisor}) {
            if (browser != null) {
                browser.close();
            }
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void theAdminDefinesACohortWithTheMemberAndAssignsTheAdvisor() throws IOException {
        signIn(admin, "admin");
        assertThat(admin.driver().getCurrentUrl()).as("an admin starts on the organization's page").endsWith("/admin");
        assertThat(admin.text("h1")).isEqualTo("Your organization");
        assertThat(admin.text("nav")).contains("Cohorts", "Figures", "Volunteers").doesNotContain("Employers", "Caseload");

        admin.type("#kind", "graduation year");
        admin.find("#new-cohort button[type=submit]").click();
        admin.expectPage(EVENTS, "Invalid request");
        assertThat(admin.text("#name-error")).contains("required");
        assertThat(admin.find("#kind").getAttribute("value")).as("nothing typed is lost").isEqualTo("graduation year");
        admin.assertAccessible("organization with a field error");

        admin.type("#name", "Class of 2027");
        admin.find("#new-cohort button[type=submit]").click();
        admin.waitFor("the new cohort's page", EVENTS, d -> d.getCurrentUrl().matches(".*/admin/cohorts/[^/]+$"));
        cohortPage = admin.driver().getCurrentUrl();
        assertThat(admin.text("h1")).isEqualTo("Class of 2027");

        for (String member : List.of("demo", "peer-1", "peer-2")) {
            admin.type("#memberId", member);
            admin.find("#add-member button[type=submit]").click();
            admin.expectPage(EVENTS, member + " added.");
        }
        assertThat(admin.text("#members")).contains("demo", "peer-1", "peer-2");

        admin.type("#advisorId", "advisor");
        admin.find("#assign-advisor button[type=submit]").click();
        admin.expectPage(EVENTS, "advisor is now assigned to every member of this cohort.");
        admin.assertAccessible("cohort");
        admin.screenshot("admin-cohort");

        admin.go(web + "/admin");
        admin.type("#minGroupSize", "2");
        admin.find("#k-form button[type=submit]").click();
        admin.expectPage(EVENTS, "Invalid request");
        assertThat(admin.text("#minGroupSize-error")).contains("3");
        assertThat(admin.find("#minGroupSize").getAttribute("value")).isEqualTo("2");
    }

    @Test
    @Order(2)
    void theMemberSharesTheirProgressWithTheAdvisor() throws IOException {
        signIn(member, "demo");
        member.go(web + "/sharing");
        assertThat(member.text("#advisor-advisor .current-tier")).isEqualTo("Nothing");
        assertThat(member.page()).contains("Counts and stages", "No names");
        member.assertAccessible("sharing (nothing shared)");

        member.find("#advisor-advisor input[value=PROGRESS]").click();
        member.find("#advisor-advisor form[action$='/sharing/advisor'] button[type=submit]").click();

        member.expectPage(EVENTS, "advisor now sees your progress.");
        assertThat(member.text("#advisor-advisor .current-tier")).isEqualTo("Progress");
        member.assertAccessible("sharing (progress)");
        member.screenshot("sharing");
    }

    @Test
    @Order(3)
    void theAdvisorFindsTheMemberInTheCaseloadAndNudgesThem() throws IOException {
        signIn(advisor, "advisor");
        assertThat(advisor.driver().getCurrentUrl()).as("an advisor starts on the caseload").endsWith("/advisor");
        assertThat(advisor.text("nav")).contains("Caseload").doesNotContain("Employers", "Cohorts");
        advisor.waitFor("the member in the caseload", EVENTS, d -> {
            advisor.go(web + "/advisor");
            return !advisor.all("#caseload-table tr[data-member=demo]").isEmpty();
        });
        assertThat(advisor.text("#caseload-table tr[data-member=demo]")).contains("No activity for 14 days", "progress");
        assertThat(advisor.all("svg[role=img] rect.bar")).isNotEmpty();
        assertThat(advisor.text("#glance-table")).contains("No activity for 14 days 1");
        advisor.assertAccessible("caseload");
        advisor.screenshot("caseload");

        advisor.find("#caseload-table a[href$='/advisor/members/demo']").click();
        advisor.expectText("#tier", "progress", EVENTS);
        assertThat(advisor.all("#contacts-table")).as("progress shows no names").isEmpty();
        advisor.find("#nudge-form button[type=submit]").click();
        advisor.expectPage(EVENTS, "Invalid request");
        assertThat(advisor.text("#text-error")).contains("required");
        assertThat(advisor.find("#text").getAttribute("aria-invalid")).isEqualTo("true");

        advisor.type("#text", NUDGE);
        advisor.find("#nudge-form button[type=submit]").click();
        advisor.expectPage(EVENTS, "Nudge sent");
        advisor.assertAccessible("a member's page");
        advisor.screenshot("caseload-member");

        member.waitFor("the nudge on the member's Today (reminders-service reacts to AdvisorNudged)", EVENTS, d -> {
            member.go(web + "/");
            return member.page().contains("From your advisor: " + NUDGE);
        });
    }

    @Test
    @Order(4)
    void eachRoleReachingAnotherRolesPageIsToldSo() {
        advisor.go(web + "/employers");
        assertThat(advisor.text("h1")).isEqualTo("This page is not one of yours");
        assertThat(advisor.page()).contains("signed in as advisor");
        advisor.assertAccessible("another role's page");

        member.go(web + "/admin/figures");
        assertThat(member.text("h1")).isEqualTo("This page is not one of yours");
        member.go(web + "/advisor");
        assertThat(member.text("h1")).isEqualTo("This page is not one of yours");
    }

    @Test
    @Order(5)
    void theMemberRevokesAndTheAdvisorNoLongerSeesThemWithinSeconds() {
        member.go(web + "/sharing");
        member.find("#advisor-advisor form[action$='/revoke'] button[type=submit]").click();
        member.expectPage(EVENTS, "advisor no longer sees anything of yours.");
        assertThat(member.text("#advisor-advisor .current-tier")).isEqualTo("Nothing");

        advisor.waitFor("the member gone from the advisor's caseload within " + REVOCATION.toSeconds() + " s of the revocation",
                REVOCATION, d -> {
                    advisor.go(web + "/advisor");
                    return advisor.all("#caseload-table tr[data-member=demo]").isEmpty();
                });
        assertThat(advisor.text("#no-member")).contains("No member shares anything with you yet.");
        advisor.go(web + "/advisor/members/demo");
        assertThat(advisor.text("h1")).isEqualTo("Not found");
    }

    @Test
    @Order(6)
    void theAdminsCohortFiguresMarkSuppressedCellsAsSuch() throws IOException {
        String cohortId = cohortPage.substring(cohortPage.lastIndexOf('/') + 1);
        String total = "#to-date-table tr[data-group=total]";
        String cohort = "#to-date-table tr[data-group='" + cohortId + "']";
        try {
            admin.waitFor("the organization's figures with the " + PEERS + " peers' outreach (insights-service recomputes them as events arrive)",
                EVENTS, d -> {
                    admin.go(web + "/admin/figures");
                    String active = admin.text(total + " td");
                    return !admin.all(cohort).isEmpty() && active.matches("\\d+") && Integer.parseInt(active) >= PEERS
                            && !admin.all("#weekly-table tbody tr").isEmpty();
                });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("The figures never showed the peers' activity: " + admin.page(), e);
        }
        // the whole organization: the 5 peers who wrote (and the member, whose nudge was activity) are active; 3 of the
        // 5 outreach had a reply; only 3 members had one, fewer than k = 5, so the median days to reply is suppressed
        assertThat(admin.text(total)).startsWith("Whole organization").contains("60 %", "suppressed");
        assertThat(admin.text(total + " td:nth-of-type(3)")).as("median business days to reply").isEqualTo("suppressed");
        // the cohort: 3 members, fewer than k: every figure suppressed
        assertThat(admin.text(cohort)).startsWith("Class of 2027");
        assertThat(admin.all(cohort + " td.suppressed")).as("every figure of a cohort below k suppressed").hasSize(7);
        assertThat(admin.all(cohort + " td:not(.suppressed)")).isEmpty();
        // week by week, the whole organization: this week shown, the 11 before it (nobody active) said so
        List<String> weeks = admin.all("#weekly-table tbody tr").stream().map(row -> row.getText()).toList();
        assertThat(weeks).hasSize(12);
        assertThat(weeks.getLast()).matches(".* \\d+$");
        assertThat(weeks.getFirst()).endsWith("no activity");
        assertThat(admin.all("#weekly-heading ~ figure svg rect.bar")).hasSize(1);
        admin.assertAccessible("cohort figures");
        admin.screenshot("cohort-figures");
        ((org.openqa.selenium.JavascriptExecutor) admin.driver()).executeScript("arguments[0].scrollIntoView();", admin.find("#weekly-heading"));
        admin.screenshot("cohort-figures-weekly");

        admin.select("#group", cohortId);
        admin.find("#weekly-form button[type=submit]").click();
        admin.waitFor("the cohort's weeks", EVENTS, d -> admin.text("#weekly-table caption").contains("Class of 2027"));
        List<String> cohortWeeks = admin.all("#weekly-table tbody tr").stream().map(row -> row.getText()).toList();
        assertThat(cohortWeeks.getLast()).as("this week, the cohort's members were active, fewer than k")
                .endsWith("suppressed (fewer than k members)");
        assertThat(admin.all("#weekly-heading ~ figure svg rect.bar")).as("a cohort below k: no week shown").isEmpty();
        assertThat(admin.all("#weekly-heading ~ figure svg rect.suppressed")).as("the suppressed week drawn as such").hasSize(1);
        admin.assertAccessible("a cohort's weeks");
        ((org.openqa.selenium.JavascriptExecutor) admin.driver()).executeScript("arguments[0].scrollIntoView();", admin.find("#weekly-heading"));
        admin.screenshot("cohort-figures-weekly-suppressed");

        admin.go(web + "/admin/figures"); // a fresh load, so the weight counts every script and style once
        assertThat(admin.pageWeightBytes()).as("the figures with their scripts and styles").isPositive().isLessThanOrEqualTo(200 * 1024);
        admin.resize(375, 812);
        assertThat(admin.scrollWidth()).as("the figures fit a 375 px phone").isLessThanOrEqualTo(375);
        admin.resize(1280, 900);
    }

    @Test
    @Order(7)
    void theAdminAddsAnAlumniVolunteerWithAMonthlyCap() {
        admin.go(web + "/admin/volunteers");
        admin.type("#v-name", "Lin Okafor");
        admin.type("#v-email", "lin@orbit.example");
        admin.type("#v-topics", "grid storage, research to industry");
        admin.type("#v-monthlyCap", "0");
        admin.find("#add-volunteer button[type=submit]").click();
        admin.expectPage(EVENTS, "Invalid request");
        assertThat(admin.text("#v-monthlyCap-error")).contains("1");
        assertThat(admin.find("#v-name").getAttribute("value")).isEqualTo("Lin Okafor");
        assertThat(admin.find("#v-topics").getAttribute("value")).isEqualTo("grid storage, research to industry");

        admin.type("#v-monthlyCap", "1");
        admin.find("#add-volunteer button[type=submit]").click();
        admin.expectPage(EVENTS, "Lin Okafor added to the directory.");
        assertThat(admin.text("#volunteers-table")).contains("Lin Okafor", "lin@orbit.example", "grid storage, research to industry");
        admin.assertAccessible("alumni volunteers");

        admin.go(web + "/admin/over-asked");
        assertThat(admin.text("#no-signal")).contains("Nobody is over-asked");
        admin.assertAccessible("over-asked contacts");
    }

    @Test
    @Order(8)
    void aMembersRequestToAVolunteerWhoseMonthIsFullIsRefusedSayingWhen() {
        GatewayClient peers = new GatewayClient(system.gatewayUri(), DemoMember.TENANT);
        String volunteerId = peers.get("/api/insights/volunteers", "peer-3").json().get(0).path("id").asText();
        assertThat(peers.post("/api/insights/volunteers/" + volunteerId + "/requests", "peer-3", null).status())
                .as("a peer takes the volunteer's one request of the month").isEqualTo(201);

        member.go(web + "/volunteers");
        assertThat(member.text("#volunteer-" + volunteerId)).contains("Lin Okafor", "grid storage, research to industry",
                "0 of 1 requests left this month").doesNotContain("lin@orbit.example");
        member.find("#volunteer-" + volunteerId + " button[type=submit]").click();

        member.expectPage(EVENTS, "Conflict");
        assertThat(member.text("#volunteer-" + volunteerId + " .field-error"))
                .contains("Lin Okafor has already received this month's 1 request and takes new ones from");
        member.assertAccessible("alumni volunteers, a request refused");
    }

    /**
     * How long the server takes to answer each organization page (the browser's Navigation Timing: the request sent
     * to the first byte of the answer, over loopback; the web app's calls to the gateway and insights-service
     * included), 30 loads each after one to warm up; the target is p95 ≤ 150 ms. Printed and kept in
     * {@code target/organization-page-timings.txt} rather than asserted: other builds share this machine.
     */
    @Test
    @Order(9)
    void pageTimings() throws IOException {
        StringBuilder report = new StringBuilder("page: p50 / p95 / max server time (ms), 30 loads\n");
        report.append(timed(admin, "/admin/figures")).append(timed(admin, "/admin")).append(timed(admin, "/admin/volunteers"))
                .append(timed(member, "/sharing")).append(timed(member, "/volunteers")).append(timed(advisor, "/advisor"));
        System.out.println(report);
        Files.writeString(Path.of("target", "organization-page-timings.txt"), report);
    }

    private static String timed(Browser browser, String path) {
        browser.go(web + path);
        List<Double> millis = new java.util.ArrayList<>();
        for (int load = 0; load < 30; load++) {
            browser.go(web + path);
            millis.add(((Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "const n = performance.getEntriesByType('navigation')[0]; return n.responseStart - n.requestStart;")).doubleValue());
        }
        java.util.Collections.sort(millis);
        assertThat(millis.getFirst()).as(path + " answered").isPositive();
        return "%s: %.0f / %.0f / %.0f%n".formatted(path, millis.get(14), millis.get(28), millis.get(29));
    }

    /** Each peer adds a contact and writes to them; every other one gets a reply (3 of 5). */
    private static void peersWriteToAContactEach(GatewayClient members) {
        for (int i = 1; i <= PEERS; i++) {
            String peer = "peer-" + i;
            GatewayClient.Response contact = members.post("/api/contacts", peer, """
                    {"name": "Grace Park", "email": "grace.park-%d@alumni.example", "employer": "Bluefin Analytics", "source": "alumni"}""".formatted(i));
            assertThat(contact.status()).as("a contact of " + peer).isEqualTo(201);
            GatewayClient.Response outreach = members.post("/api/contacts/" + contact.json().path("id").asText() + "/outreach", peer, """
                    {"channel": "email", "memberTimeZone": "UTC", "text": "Hello Grace, as a fellow alum I admired your talk on forecasting. Would you have 20 minutes next week?"}""");
            assertThat(outreach.status()).as("outreach of " + peer).isEqualTo(201);
            if (i % 2 == 1) {
                GatewayClient.Response reply = members.post("/api/contacts/" + contact.json().path("id").asText() + "/outreach/"
                        + outreach.json().path("outreach").path("id").asText() + "/reply", peer, "{\"outcome\": \"REPLIED\"}");
                assertThat(reply.status() / 100).as("a reply to " + peer).isEqualTo(2);
            }
        }
    }

    private static void signIn(Browser browser, String username) {
        browser.go(web + "/");
        browser.waitFor("the provider's sign-in page for " + username, EVENTS,
                d -> d.getCurrentUrl().contains(":" + system.port(PortName.AUTH) + "/login"));
        browser.type("#username", username);
        browser.type("#password", "demo");
        browser.submit("form");
        browser.waitFor(username + " back on the web app after signing in", EVENTS, d -> d.getCurrentUrl().startsWith(web));
    }
}
