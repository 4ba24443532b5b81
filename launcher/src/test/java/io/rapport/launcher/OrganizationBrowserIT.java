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
 * such. Each page is checked with axe-core (no serious or critical WCAG 2.2 AA finding); screenshots are kept in
 * {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrganizationBrowserIT {

    private static final Duration EVENTS = Duration.ofSeconds(60);
    /** The "a revocation hides the data within seconds". */
    private static final Duration REVOCATION = Duration.ofSeconds(5);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String NUDGE = "Try a second contact at Northwind this week.";

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

        admin.type("#memberId", "demo");
        admin.find("#add-member button[type=submit]").click();
        admin.expectPage(EVENTS, "demo added.");
        assertThat(admin.text("#members")).contains("demo");

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
        admin.waitFor("the cohort's figures computed (the service recomputes them about a second after a change)", EVENTS, d -> {
            admin.go(web + "/admin/figures?group=" + cohortId);
            return !admin.all("#to-date-table tr[data-group='" + cohortId + "']").isEmpty()
                    && !admin.all("#weekly-table tbody tr").isEmpty();
        });
        assertThat(admin.text("#to-date-table tr[data-group='" + cohortId + "']")).startsWith("Class of 2027").contains("suppressed");
        assertThat(admin.all("#to-date-table tr[data-group='" + cohortId + "'] td.suppressed"))
                .as("a cohort of one: every figure suppressed (k = 5)").hasSize(7);
        assertThat(admin.text("#weekly-table")).contains("suppressed (fewer than k members)");
        assertThat(admin.all("#weekly-heading ~ figure svg rect.suppressed")).as("suppressed weeks drawn as such").isNotEmpty();
        admin.assertAccessible("cohort figures");
        admin.screenshot("cohort-figures");
        admin.go(web + "/admin/figures?group=" + cohortId); // a fresh load, so the weight counts every script and style once
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

        admin.type("#v-monthlyCap", "2");
        admin.find("#add-volunteer button[type=submit]").click();
        admin.expectPage(EVENTS, "Lin Okafor added to the directory.");
        assertThat(admin.text("#volunteers-table")).contains("Lin Okafor", "lin@orbit.example", "grid storage, research to industry");
        admin.assertAccessible("alumni volunteers");

        admin.go(web + "/admin/over-asked");
        assertThat(admin.text("#no-signal")).contains("Nobody is over-asked");
        admin.assertAccessible("over-asked contacts");
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
