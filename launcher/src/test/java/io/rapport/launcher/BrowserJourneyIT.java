package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.launcher.browser.Browser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The member's journey in a real browser (Debian's headless chromium), on the whole system as {@code ./rapport run}
 * starts it: signing in at the OpenID Connect provider, then employers → a contact → outreach with a linter finding →
 * an interview proposed, scheduled, confirmed and held → consented notes → the thank-you → the synthesis. Each page is
 * checked as a person would (what it says), with axe-core (no serious or critical WCAG 2.2 AA finding) and at a phone's
 * width (375 px, nothing wider than the screen). Screenshots are kept in {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneyIT {

    private static final Duration EVENTS = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static EmbeddedSystem system;
    private static Browser browser;
    private static String web;
    private static String contactPage;
    private static String interviewPage;
    private static String rescheduledPage;

    @RegisterExtension
    static final ServiceLogsOnFailure LOGS = new ServiceLogsOnFailure(() -> system == null ? null : system.logsDir());

    @BeforeAll
    static void start() throws IOException {
        String missing = Browser.missing();
        Assumptions.assumeTrue(missing == null, missing);
        LaunchSettings settings = LaunchSettings.defaults()
                .withRepoRoot(Path.of("..").toAbsolutePath().normalize())
                .withDataDir(Files.createDirectories(Path.of("target", "browser-data").toAbsolutePath()))
                .withReset(true)
                .withReadyTimeout(Duration.ofSeconds(240));
        List<Integer> ports = FreePorts.take(PortName.values().length);
        for (PortName name : PortName.values()) {
            settings = settings.withPort(name, ports.get(name.ordinal()));
        }
        system = EmbeddedSystem.start(settings, System.out::println);
        web = system.serviceUri("web-app").toString();
        browser = Browser.open(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void aMemberSignsInAtTheProviderAndLandsOnToday() throws IOException {
        browser.go(web + "/");
        browser.waitFor("the provider's sign-in page", EVENTS, d -> d.getCurrentUrl().contains(":" + system.port(PortName.AUTH) + "/login"));
        assertThat(browser.page()).contains("Sign in to Rapport", "Demo users");
        browser.assertAccessible("sign-in page");
        browser.screenshot("sign-in");

        browser.type("#username", "demo");
        browser.type("#password", "demo");
        browser.submit("form");

        browser.waitFor("back on the web app", EVENTS, d -> d.getCurrentUrl().startsWith(web));
        assertThat(browser.text("h1")).isEqualTo("Today");
        assertThat(browser.page()).contains("Nothing is due", "No interview planned");
        browser.assertAccessible("today (empty)");
    }

    @Test
    @Order(2)
    void aRefusedEmployerShowsTheFieldsMessageAndKeepsWhatWasTyped() {
        browser.go(web + "/employers");
        browser.type("#new-name", "Northwind Health");
        browser.type("#new-industry", "Healthcare");
        browser.type("#new-motivation", "9");
        browser.type("#new-posting", "3");
        browser.find("#add-heading + form button[type=submit]").click();

        browser.expectPage(EVENTS, "Invalid request");
        assertThat(browser.text("#new-motivation-error")).contains("between 0 and 3");
        assertThat(browser.find("#new-motivation").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#new-name").getAttribute("value")).isEqualTo("Northwind Health");
        assertThat(browser.find("#new-industry").getAttribute("value")).isEqualTo("Healthcare");
        browser.assertAccessible("employers with a field error");
    }

    @Test
    @Order(3)
    void targetEmployersAreRankedWithTheWorkingSetMarked() throws IOException {
        addEmployer("Northwind Health", "Healthcare", "3", "3");
        addEmployer("Orbit Energy", "Energy", "2", "1");

        // Read again if the table is redrawn under the reading (chromium: "node does not belong to the document").
        List<String> rows = new java.util.ArrayList<>();
        browser.waitFor("the two ranked rows", EVENTS, d -> {
            try {
                rows.clear();
                rows.addAll(browser.all("table tbody tr").stream().map(row -> row.getText()).toList());
                return rows.size() == 2;
            } catch (org.openqa.selenium.WebDriverException redrawn) {
                return false;
            }
        });
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("1").contains("Northwind Health", "working set");
        assertThat(rows.get(1)).startsWith("2").contains("Orbit Energy");
        browser.assertAccessible("employers");
        browser.screenshot("employers");
    }

    @Test
    @Order(4)
    void aContactAtTheTopEmployer() {
        browser.go(web + "/contacts");
        browser.type("#name", "Priya Raman");
        browser.type("#email", "priya@northwind.example");
        browser.find("#employerId").findElements(org.openqa.selenium.By.tagName("option")).stream()
                .filter(option -> option.getText().equals("Northwind Health")).findFirst().orElseThrow().click();
        browser.type("#role", "Product Manager");
        browser.select("#source", "ALUMNI");
        browser.type("#timeZone", "America/New_York");
        browser.type("#hook", "Led the launch of the patient scheduling app");
        browser.find("#add-heading + form button[type=submit]").click();

        browser.waitFor("the contact's page", EVENTS, d -> d.getCurrentUrl().matches(".*/contacts/[^/]+$"));
        contactPage = browser.driver().getCurrentUrl();
        assertThat(browser.text("h1")).isEqualTo("Priya Raman");
        assertThat(browser.text("#stage")).isEqualTo("identified");
        browser.assertAccessible("contact");
    }

    @Test
    @Order(5)
    void theOutreachComposerShowsTheLintersFindingOnTheWordsAsTheMemberTypes() throws IOException {
        browser.go(contactPage + "/outreach");
        browser.type("#text", "Hi Priya, could you refer me for a job at Northwind?");

        browser.waitFor("the linter's findings under the draft", EVENTS, d -> !browser.all("#findings .finding").isEmpty());
        assertThat(browser.text("#findings")).containsIgnoringCase("job");
        assertThat(browser.all("#findings .preview mark")).isNotEmpty();
        browser.assertAccessible("outreach composer with findings");
        browser.screenshot("outreach-composer");

        browser.type("#text", "Hi Priya, as a fellow alum I admired your launch of the patient scheduling app. "
                + "Would you have 20 minutes next week to tell me how you moved into product management?");
        browser.type("#memberTimeZone", "UTC");
        browser.find("form.card button[type=submit]").click();

        browser.waitFor("back on the contact's page", EVENTS, d -> d.getCurrentUrl().equals(contactPage));
        browser.expectPage(EVENTS, "Outreach recorded");
        assertThat(browser.text("#outreach-heading + p + ul, #outreach-heading ~ ul")).contains("sent", "email");
    }

    @Test
    @Order(6)
    void anInterviewIsProposedScheduledConfirmedAndHeld() throws IOException {
        // At least 30 s ahead (the slot must still be in the future when it is scheduled on a loaded machine) and at
        // most 90 s (the interview must have started before it can be held).
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).plusSeconds(90).truncatedTo(ChronoUnit.MINUTES);
        String contactId = contactPage.substring(contactPage.lastIndexOf('/') + 1);
        // scheduling learns of the contact from its ContactAdded event: until then the proposal is refused, and said so
        browser.waitFor("the interview proposed", EVENTS, d -> {
            browser.go(web + "/interviews/new?contactId=" + contactId);
            browser.type("#objective", "Learn how Priya moved into product management.");
            browser.type("#memberTimeZone", "UTC");
            browser.setValue("#start", start.toString());
            browser.type("#minutes", "30");
            browser.select("#kind", "PHONE");
            browser.type("#phone", "+1 312 555 0100");
            browser.find("form.card button[type=submit]").click();
            return isAnInterviewsPage(d.getCurrentUrl());
        });
        interviewPage = browser.driver().getCurrentUrl();
        assertThat(browser.text("#interview-status")).isEqualTo("proposed");
        assertThat(browser.text("table")).contains(start.toString().replace('T', ' '));
        browser.assertAccessible("interview proposed");

        browser.find("button[aria-label='Schedule slot 1']").click();
        browser.expectText("#interview-status", "scheduled", EVENTS);
        browser.find("form[action$='/confirm'] button").click();
        browser.expectText("#interview-status", "confirmed", EVENTS);

        browser.waitFor("the interview's start", Duration.ofSeconds(150), d -> LocalDateTime.now(ZoneOffset.UTC).isAfter(start.plusSeconds(2)));
        browser.type("#actualMinutes", "30");
        browser.find("form[action$='/held'] button").click();
        browser.expectText("#interview-status", "held", EVENTS);
    }

    @Test
    @Order(7)
    void consentedNotesByCategory() {
        browser.waitFor("the notes form (notes learns of the held interview from its event)", EVENTS, d -> {
            browser.go(interviewPage);
            return !browser.all("form[action$='/notes']").isEmpty();
        });
        browser.find("input[name=consent][value=GRANTED]").click();
        browser.select("#entry0-category", "SKILLS");
        browser.type("#entry0-text", "SQL and stakeholder communication matter most");
        browser.select("#entry1-category", "ADVICE");
        browser.type("#entry1-text", "Publish one small analytics project");
        browser.type("#takeaways", "Ship a small analytics project");
        browser.type("#advice", "Publish one dashboard");
        browser.find("form[action$='/notes'] button[type=submit]").click();

        browser.expectPage(EVENTS, "Notes saved", "SQL and stakeholder communication matter most");
        browser.assertAccessible("interview with notes");

        browser.type("#referral-name", "Ana Silva");
        browser.type("#referral-employer", "Northwind Health");
        browser.type("#referral-role", "Data Analyst");
        browser.find("form[action$='/referrals'] button").click();
        browser.expectPage(EVENTS, "Referral recorded");
        assertThat(browser.text("#referrals")).contains("Ana Silva, Data Analyst at Northwind Health");

        browser.type("#action-text", "Publish one dashboard");
        browser.find("form[action$='/action-items'] button").click(); // no date: refused, the text kept
        browser.expectPage(EVENTS, "Invalid request");
        assertThat(browser.find("#action-text").getAttribute("value")).isEqualTo("Publish one dashboard");
        assertThat(browser.find("#action-dueOn").getAttribute("aria-invalid")).isEqualTo("true");
        browser.setValue("#action-dueOn", LocalDateTime.now(ZoneOffset.UTC).plusDays(14).toLocalDate().toString());
        browser.find("form[action$='/action-items'] button").click();
        browser.expectPage(EVENTS, "Action item added");
        browser.find("button[aria-label='Done: Publish one dashboard']").click();
        browser.expectPage(EVENTS, "Action item done.");
        assertThat(browser.text("#action-items")).contains("Publish one dashboard", "done");
        browser.assertAccessible("interview with referrals and action items");
    }

    @Test
    @Order(8)
    void todayCountsDownTheThankYouOwed() throws IOException {
        browser.waitFor("the thank-you reminder on Today", EVENTS, d -> {
            browser.go(web + "/");
            return browser.text("#thanks-heading + p + ul, #thanks-heading ~ ul").contains("left of 24 h");
        });
        assertThat(browser.page()).contains("Northwind Health").doesNotContain("Nothing is due");
        browser.assertAccessible("today");
        browser.screenshot("today");
        browser.go(web + "/"); // a fresh load, so the weight counts every script and style once
        assertThat(browser.pageWeightBytes()).as("Today with its scripts and styles").isPositive().isLessThanOrEqualTo(200 * 1024);

        browser.resize(375, 812);
        assertThat(browser.scrollWidth()).as("nothing wider than a 375 px phone").isLessThanOrEqualTo(375);
        browser.screenshot("today-phone");
        browser.resize(1280, 900);
    }

    @Test
    @Order(9)
    void aReminderIsDoneWithTheKeyboardAlone() {
        browser.go(web + "/");
        assertThat(browser.tab().getText()).as("the first stop is the skip link").isEqualTo("Skip to content");
        String focused = "";
        for (int stop = 0; stop < 40 && !focused.startsWith("Done: "); stop++) {
            focused = String.valueOf(browser.tab().getAttribute("aria-label"));
        }
        assertThat(focused).as("a reminder's Done button is reachable by Tab").startsWith("Done: ");
        int before = browser.all("#inbox .reminder:not(.settled)").size();

        browser.enter();

        browser.waitFor("the reminder marked done in place", EVENTS, d -> browser.all("#inbox .settled").size() == 1);
        assertThat(browser.text("#inbox .settled")).isEqualTo("Marked done.");
        browser.go(web + "/");
        assertThat(browser.all("#inbox .reminder")).hasSize(before - 1);
    }

    @Test
    @Order(10)
    void theThankYouIsDraftedFromTheTakeawayAndMarkedSent() {
        browser.go(interviewPage);
        browser.find("a[href$='/thank-you']").click();
        assertThat(browser.find("#text").getAttribute("value")).containsIgnoringCase("ship a small analytics project");
        browser.assertAccessible("thank-you");
        browser.find("form[action$='/thank-you/sent'] button").click();

        browser.expectPage(EVENTS, "Thank-you recorded as sent");
    }

    @Test
    @Order(11)
    void theSynthesisShowsTheThemesAsAChartWithItsTable() throws IOException {
        browser.waitFor("the synthesis to include the interview's notes, the funnel the thank-you", EVENTS, d -> {
            browser.go(web + "/synthesis");
            return !browser.all("#themes-table tbody tr").isEmpty() && browser.text("#funnel-table").contains("thank-yous sent 1");
        });
        assertThat(browser.text("#themes-table")).containsIgnoringCase("sql");
        assertThat(browser.all("svg[role=img] rect.bar")).isNotEmpty();
        assertThat(browser.text("#funnel-table")).contains("target employers 2", "contacts written to 1",
                "interviews held 1", "thank-yous sent 1");
        browser.assertAccessible("synthesis");
        browser.screenshot("synthesis");

        browser.resize(375, 812);
        assertThat(browser.scrollWidth()).as("the chart fits a 375 px phone").isLessThanOrEqualTo(375);
        browser.resize(1280, 900);
    }

    @Test
    @Order(12)
    void anInterviewIsMovedToAnotherTime() {
        LocalDateTime first = LocalDateTime.now(ZoneOffset.UTC).plusDays(2).withHour(15).truncatedTo(ChronoUnit.HOURS);
        LocalDateTime moved = first.plusDays(1).withHour(16);
        String contactId = contactPage.substring(contactPage.lastIndexOf('/') + 1);
        browser.go(web + "/interviews/new?contactId=" + contactId);
        browser.type("#objective", "A second conversation, about her team's roadmap.");
        browser.type("#memberTimeZone", "UTC");
        browser.setValue("#start", first.toString());
        browser.type("#minutes", "30");
        browser.select("#kind", "PHONE");
        browser.type("#phone", "+1 312 555 0100");
        browser.find("form.card button[type=submit]").click();
        browser.waitFor("the second interview proposed", EVENTS, d -> isAnInterviewsPage(d.getCurrentUrl()));
        rescheduledPage = browser.driver().getCurrentUrl();
        browser.find("button[aria-label='Schedule slot 1']").click();
        browser.expectText("#interview-status", "scheduled", EVENTS);

        browser.find("details:has(form[action$='/reschedule']) summary").click();
        browser.setValue("#reschedule-start", moved.withHour(3).minusDays(5).toString()); // in the past: refused
        browser.find("form[action$='/reschedule'] button").click();
        browser.expectPage(EVENTS, "must be in the future");
        assertThat(browser.find("#reschedule-start").getAttribute("aria-invalid")).isEqualTo("true");

        browser.setValue("#reschedule-start", moved.toString());
        browser.type("#reschedule-minutes", "45");
        browser.find("form[action$='/reschedule'] button").click();
        browser.expectPage(EVENTS, "Moved to the new time");
        assertThat(browser.text("#interview-status")).isEqualTo("scheduled");
        assertThat(browser.text("table")).contains(moved.toString().replace('T', ' '), "45")
                .doesNotContain(first.toString().replace('T', ' '));
        browser.assertAccessible("interview rescheduled");
    }

    @Test
    @Order(13)
    void aCalendarFeedShowsTheInterviewsUntilItIsRevoked() throws Exception {
        browser.go(web + "/interviews");
        browser.find("a[href='/interviews/feeds']").click();
        browser.find("form[action$='/interviews/feeds'] button").click();
        browser.expectPage(EVENTS, "Your new feed");
        String feed = browser.find("#feed-url").getAttribute("value");
        assertThat(feed).startsWith("http://").contains("/api/calendar/feeds/").endsWith(".ics");
        browser.assertAccessible("calendar feeds");
        String interviewId = rescheduledPage.substring(rescheduledPage.lastIndexOf('/') + 1);

        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> subscribed = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(feed)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(200);
        assertThat(subscribed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(subscribed.body()).contains("BEGIN:VCALENDAR", "UID:" + interviewId + "@rapport.scheduling");

        browser.go(web + "/interviews/feeds");
        browser.find("form[action$='/revoke'] button").click();
        browser.expectPage(EVENTS, "Feed revoked");
        assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(feed)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).as("a revoked feed's address").isEqualTo(404);
    }

    @Test
    @Order(14)
    void reminderPreferencesAreSavedAndARefusalKeepsWhatWasTyped() {
        browser.go(web + "/account");
        browser.find("a[href='/preferences']").click();
        assertThat(browser.text("h1")).isEqualTo("Reminder preferences");
        browser.setValue("#morningHour", "08:30");
        browser.type("#holidays", "2026-12-25\nChristmas");
        browser.type("#keepInTouchDays", "60");
        browser.find("form.card button[type=submit]").click();

        browser.expectPage(EVENTS, "Invalid request");
        assertThat(browser.text("#holidays-error")).contains("line 2", "is not a date");
        assertThat(browser.find("#holidays").getAttribute("value")).isEqualTo("2026-12-25\nChristmas");
        assertThat(browser.find("#keepInTouchDays").getAttribute("value")).isEqualTo("60");
        browser.assertAccessible("preferences with a field error");

        browser.type("#holidays", "2026-12-25");
        browser.find("form.card button[type=submit]").click();
        browser.expectPage(EVENTS, "Preferences saved");
        assertThat(browser.find("#morningHour").getAttribute("value")).isEqualTo("08:30");
        assertThat(browser.find("#keepInTouchDays").getAttribute("value")).isEqualTo("60");
        assertThat(browser.find("#holidays").getAttribute("value")).isEqualTo("2026-12-25");
    }

    @Test
    @Order(15)
    void aGoalIsAddedAndMovedForward() {
        browser.go(web + "/synthesis");
        browser.find("a[href='/goals']").click();
        browser.type("#title", "Publish analytics work");
        browser.type("#metric", "dashboards");
        browser.type("#target", "many");
        browser.setValue("#dueOn", LocalDateTime.now(ZoneOffset.UTC).plusDays(60).toLocalDate().toString());
        browser.type("#themes", "SQL");
        browser.find("#add-heading + form button[type=submit]").click();

        browser.expectPage(EVENTS, "Invalid request");
        assertThat(browser.find("#target").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#title").getAttribute("value")).isEqualTo("Publish analytics work");
        browser.assertAccessible("goals with a field error");

        browser.type("#target", "4");
        browser.find("#add-heading + form button[type=submit]").click();
        browser.expectPage(EVENTS, "Goal added: Publish analytics work.");
        browser.find("input[name=value]").sendKeys("1");
        browser.find("button[aria-label='Record progress on Publish analytics work']").click();
        browser.expectPage(EVENTS, "Progress recorded.", "1.0 of 4.0 dashboards");
        assertThat(Double.parseDouble(browser.find("progress").getAttribute("value"))).isEqualTo(1.0);
        browser.assertAccessible("goals");
    }

    @Test
    @Order(16)
    void aTemplateIsWrittenOnceAndFilledForAContact() {
        browser.go(web + "/templates");
        browser.type("#name", "Alumni, warm");
        browser.type("#body", "Hi {{firstName}}, {{referrerName}} suggested I write. Would you have 20 minutes"
                + " {{timeFrames}} to tell me how you became {{role}} at {{employer}}?");
        browser.find("#add-heading + form button[type=submit]").click();
        browser.expectPage(EVENTS, "Template saved");
        browser.assertAccessible("templates");

        browser.go(contactPage + "/outreach");
        browser.find("details summary").click();
        browser.type("#timeFrames", "next week");
        browser.find("form[action$='/outreach/template'] button").click();

        browser.expectPage(EVENTS, "Still to write yourself: referrerName");
        assertThat(browser.find("#text").getAttribute("value")).isEqualTo("Hi Priya, {{referrerName}} suggested I write."
                + " Would you have 20 minutes next week to tell me how you became Product Manager at Northwind Health?");
        browser.assertAccessible("composer filled from a template");
    }

    /**
     * Issue 16's "p95 <= 150 ms server-side with the demo member", measured as the browser sees it on loopback: each
     * main page loaded 20 times after the journey (so it has data to show). Printed and kept in
     * target/page-timings.txt; the test fails only past 1 s, a regression rather than a figure, since CI machines
     * are shared.
     */
    @Test
    @Order(17)
    void pagesAnswerQuickly() throws IOException {
        List<String> pages = List.of("/", "/employers", "/contacts", contactPage.substring(web.length()), "/interviews",
                interviewPage.substring(web.length()), "/synthesis", "/goals", "/preferences");
        StringBuilder report = new StringBuilder("page\tp50 ms\tp95 ms\tmax ms (20 loads each)\n");
        double worstP95 = 0;
        for (String page : pages) {
            browser.go(web + page); // warm
            double[] times = new double[20];
            for (int i = 0; i < times.length; i++) {
                browser.go(web + page);
                times[i] = browser.serverMillis();
            }
            java.util.Arrays.sort(times);
            double p95 = times[18];
            worstP95 = Math.max(worstP95, p95);
            report.append(String.format(java.util.Locale.ROOT, "%s\t%.1f\t%.1f\t%.1f%n",
                    page.replaceAll("/[0-9a-zA-Z_-]{16,}", "/{id}"), times[9], p95, times[19]));
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "page-timings.txt"), report);
        assertThat(worstP95).as(report.toString()).isLessThan(1000);
    }

    /**
     * An interview's own page, not the proposal form: right after the click the browser may still be on
     * /interviews/new?contactId=…, which once passed for the interview's page (and every later step went there).
     */
    private static boolean isAnInterviewsPage(String url) {
        return url.matches(".*/interviews/(?!new$|feeds$)[^/?]+$");
    }

    private static void addEmployer(String name, String industry, String motivation, String posting) {
        browser.go(web + "/employers");
        browser.type("#new-name", name);
        browser.type("#new-industry", industry);
        browser.type("#new-motivation", motivation);
        browser.type("#new-posting", posting);
        browser.find("#add-heading + form button[type=submit]").click();
        browser.waitFor("the employer added", EVENTS, d -> browser.page().contains("Added " + name));
    }
}
