package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole journey as a member lives it, only through the gateway, on the system as
 * {@code ./rapport run} starts it: targets, outreach and its follow-ups, an interview scheduled
 * and confirmed, conversations held, consented notes with a referral and an action item, a
 * thank-you and what follows it, the synthesis across interviews, another member who sees none of
 * it, and the erasure of everything; then the organization's chapter (cohorts, sharing, caseload, figures, over-asked
 * contacts, alumni volunteers). Each step checks what the member would check, waiting on the
 * events with bounds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemberJourneyIT {

    private static final String MAYA = "maya";
    private static final String ZONE = "America/Chicago";
    private static final Duration EVENTS = Duration.ofSeconds(30);

    private static EmbeddedSystem system;

    @RegisterExtension
    static final ServiceLogsOnFailure LOGS = new ServiceLogsOnFailure(() -> system == null ? null : system.logsDir());
    /** Maya's own CalDAV calendar in the scheduling step, where Debian's radicale is installed. */
    private static RadicaleServer radicale;
    private static GatewayClient api;
    private static String bluefin;
    private static String marcus;
    private static String lena;
    private static String priya;
    private static String sofia;
    private static String heldWithMarcus;
    private static Instant marcusInterviewEnds;
    private static String confirmedInterview;
    private static Instant confirmedStart;
    private static String confirmedCalendarFile;

    private static final String MAYAS_ADDRESS = "maya@journey.example";
    private static final String MAYAS_PASSWORD = "maya's app password";
    /** Maya's mailbox: plain IMAP on loopback, which the embedded default allows (a local, single-user system). */
    private static GreenMail mailbox;

    @BeforeAll
    static void start() throws Exception {
        mailbox = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        mailbox.start();
        mailbox.setUser(MAYAS_ADDRESS, MAYAS_ADDRESS, MAYAS_PASSWORD);
        LaunchSettings settings = LaunchSettings.defaults()
                .withRepoRoot(Path.of("..").toAbsolutePath().normalize())
                .withDataDir(Files.createDirectories(Path.of("target", "journey-data").toAbsolutePath()))
                .withReset(true);
        List<Integer> ports = FreePorts.take(PortName.values().length);
        for (PortName name : PortName.values()) {
            settings = settings.withPort(name, ports.get(name.ordinal()));
        }
        system = EmbeddedSystem.start(settings, System.out::println);
        if (RadicaleServer.installed()) {
            radicale = RadicaleServer.start();
        } else {
            System.out.println("MemberJourneyIT: " + RadicaleServer.MISSING + ", so the scheduling step runs without"
                    + " a connected calendar");
        }
        api = new GatewayClient(system.gatewayUri(), "journey-university-" + UUID.randomUUID());
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
        if (radicale != null) {
            radicale.close();
        }
        if (mailbox != null) {
            mailbox.stop();
        }
    }

    private static MimeMessage email(String messageId, String from, String to, Instant date) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSentDate(Date.from(date));
        message.setSubject("Re: 20 minutes next week?");
        message.setText("Happy to talk, how about Thursday? (a body Rapport never reads)");
        return message;
    }

    @Test
    @Order(1)
    void targetsAreScoredAndRankedAndADuplicateContactIsRefused() {
        String northwind = id(api.post("/api/employers", MAYA, "{\"name\": \"Northwind Health\", \"industry\": \"Healthcare\", \"motivation\": 3, \"posting\": 2}"));
        bluefin = id(api.post("/api/employers", MAYA, "{\"name\": \"Bluefin Analytics\", \"industry\": \"Technology\", \"motivation\": 3, \"posting\": 3}"));
        String orbit = id(api.post("/api/employers", MAYA, "{\"name\": \"Orbit Energy\", \"industry\": \"Energy\", \"motivation\": 1, \"posting\": 3}"));

        marcus = contact("Marcus Lee", "marcus@bluefin.example", bluefin, "Data Scientist", "alumni");
        lena = contact("Lena Fischer", "lena@bluefin.example", bluefin, "Data Engineer", "linkedin");
        priya = contact("Priya Raman", "priya@northwind.example", northwind, "Product Manager", "linkedin");
        sofia = contact("Sofia Garcia", "sofia@northwind.example", northwind, "Nurse Informaticist", "linkedin");
        contact("Aisha Khan", "aisha@orbit.example", orbit, "Energy Analyst", "directory");

        GatewayClient.Response duplicate = api.post("/api/contacts", MAYA,
                "{\"name\": \"M. Lee\", \"email\": \"MARCUS@bluefin.example\", \"employerId\": \"" + bluefin + "\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("existingContactId")).isEqualTo(marcus);

        JsonNode ranked = items(api.get("/api/employers?top=5", MAYA));
        assertThat(ranked.findValuesAsText("name")).containsExactly("Bluefin Analytics", "Northwind Health", "Orbit Energy");
        assertThat(api.get("/api/contacts?limit=50", MAYA).json().path("items").size()).isEqualTo(5);
    }

    @Test
    @Order(2)
    void aTemplateIsRenderedTheLinterCatchesAJobAskAndOutreachGoesToTwoContacts() {
        String template = id(api.post("/api/templates", MAYA, """
                {"name": "First ask", "channel": "email",
                 "body": "Hi {{firstName}}, as a fellow alum I read how {{hook}}. Would you have 20 minutes {{timeFrames}} to share how you got into your role?"}
                """));
        GatewayClient.Response rendered = api.post("/api/templates/" + template + "/render", MAYA,
                "{\"contactId\": \"" + marcus + "\", \"purpose\": \"learn about data science\", \"timeFrames\": \"next Tuesday or Thursday afternoon\"}");
        assertThat(rendered.status()).as(rendered.toString()).isEqualTo(200);
        assertThat(rendered.text("text")).startsWith("Hi Marcus,").contains("next Tuesday or Thursday afternoon");

        JsonNode jobAsk = api.post("/api/outreach/lint", MAYA, "{\"channel\": \"email\", \"contactId\": \"" + marcus
                + "\", \"text\": \"Hi Marcus, I am looking for a job. Could you refer me for an open position at Bluefin?\"}").json();
        JsonNode good = api.post("/api/outreach/lint", MAYA, "{\"channel\": \"email\", \"contactId\": \"" + marcus
                + "\", \"text\": \"Hi Marcus, as a fellow alum I admired your forecasting work at Bluefin Analytics. Would you have 20 minutes next week to tell me how you became a data scientist?\"}").json();
        assertThat(jobAsk.findValuesAsText("rule")).contains("job-mention");
        assertThat(good.findValuesAsText("rule")).doesNotContain("job-mention", "ask-not-question", "connection-not-first");

        for (String contact : List.of(marcus, lena)) {
            GatewayClient.Response sent = api.post("/api/contacts/" + contact + "/outreach", MAYA,
                    "{\"channel\": \"email\", \"memberTimeZone\": \"" + ZONE + "\", \"text\": \"Hi, as a fellow alum I admired your work at Bluefin. Would you have 20 minutes next week?\"}");
            assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        }
    }

    @Test
    @Order(3)
    void theFollowUpsFallDueOnBusinessDaysAndAReplyByEmailAtTheEmployerCancelsThem() throws Exception {
        LocalDate sentOn = LocalDate.now(ZoneId.of(ZONE));
        JsonNode second = awaitReminder(r -> r.path("rule").asText().equals("WRITE_TO_SECOND_CONTACT") && marcus.equals(r.path("contactId").asText()));
        JsonNode followUp = awaitReminder(r -> r.path("rule").asText().equals("FOLLOW_UP_ONCE") && marcus.equals(r.path("contactId").asText()));
        assertThat(localDate(second.path("dueAt").asText())).isEqualTo(businessDaysAfter(sentOn, 3));
        assertThat(localDate(followUp.path("dueAt").asText())).isEqualTo(businessDaysAfter(sentOn, 7));

        // Lena answers by e-mail; Maya connects her mailbox (a real IMAP server, GreenMail) and Rapport sees the reply in
        // its headers: no API call says she replied.
        String lenasOutreach = items(api.get("/api/contacts/" + lena + "/outreach", MAYA)).get(0).path("id").asText();
        mailbox.getUserManager().getUser(MAYAS_ADDRESS).deliver(email("<lena-reply@bluefin.example>",
                "Lena Fischer <lena@bluefin.example>", MAYAS_ADDRESS, Instant.now()));
        GatewayClient.Response connected = api.put("/api/mailbox", MAYA, """
                {"host": "127.0.0.1", "port": %d, "tls": false, "user": "%s", "password": "%s"}"""
                .formatted(mailbox.getImap().getPort(), MAYAS_ADDRESS, MAYAS_PASSWORD));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
        assertThat(connected.toString()).doesNotContain(MAYAS_PASSWORD);
        await().atMost(EVENTS).untilAsserted(() -> assertThat(items(api.get("/api/contacts/" + lena + "/outreach", MAYA))
                .get(0).path("status").asText()).as("Lena's outreach, answered by her e-mail").isEqualTo("REPLIED"));
        assertThat(lenasOutreach).isNotBlank();

        await().atMost(EVENTS).untilAsserted(() -> assertThat(reminders(r -> "Bluefin Analytics".equals(r.path("employer").asText())
                && List.of("WRITE_TO_SECOND_CONTACT", "FOLLOW_UP_ONCE").contains(r.path("rule").asText())))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.path("status").asText()).isEqualTo("CANCELLED")));
    }

    @Test
    @Order(4)
    void anInterviewIsProposedScheduledAndConfirmedAndAClashingOneIsRefused() throws Exception {
        awaitKnownToScheduling(priya);
        ZonedDateTime base = ZonedDateTime.now(ZoneId.of(ZONE)).plusDays(8).withHour(14).truncatedTo(ChronoUnit.HOURS);
        List<String> slots = new ArrayList<>(List.of(base.toInstant().toString(), base.plusDays(1).toInstant().toString(),
                base.plusDays(2).toInstant().toString()));
        String calendar = null;
        if (radicale != null) {
            // Maya's own calendar is connected and already holds a busy hour at the second slot.
            calendar = radicale.newCalendar();
            assertThat(api.put("/api/calendar", MAYA, """
                    {"url": "%s", "user": "%s", "password": "%s"}""".formatted(calendar, RadicaleServer.USER,
                    RadicaleServer.PASSWORD)).status()).isEqualTo(200);
            assertThat(radicale.put(calendar + "offsite.ics", """
                    BEGIN:VCALENDAR\r
                    VERSION:2.0\r
                    PRODID:-//Another app//EN\r
                    BEGIN:VEVENT\r
                    UID:offsite@example.org\r
                    DTSTAMP:20260101T000000Z\r
                    DTSTART:%s\r
                    DURATION:PT1H\r
                    SUMMARY:Team offsite\r
                    END:VEVENT\r
                    END:VCALENDAR\r
                    """.formatted(base.plusDays(1).withZoneSameInstant(ZoneId.of("UTC")).toLocalDateTime()
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")))).statusCode()).isEqualTo(201);
            GatewayClient.Response busy = api.post("/api/interviews", MAYA, proposal(priya, slots));
            assertThat(busy.status()).as(busy.toString()).isEqualTo(409);
            assertThat(busy.text("calendarBusyStart")).isEqualTo(slots.get(1));
            assertThat(busy.raw().body()).doesNotContain("offsite");
            slots.remove(1);
        }
        String interview = id(api.post("/api/interviews", MAYA, proposal(priya, slots)));
        assertThat(api.post("/api/interviews/" + interview + "/schedule", MAYA, "{\"start\": \"" + slots.get(0) + "\"}").status()).isEqualTo(200);
        awaitReminder(r -> r.path("rule").asText().equals("CONFIRM_INTERVIEW") && interview.equals(r.path("subjectId").asText()));

        assertThat(api.post("/api/interviews/" + interview + "/confirm", MAYA, null).status()).isEqualTo(200);

        await().atMost(EVENTS).untilAsserted(() -> assertThat(reminders(r -> r.path("rule").asText().equals("CONFIRM_INTERVIEW")
                && interview.equals(r.path("subjectId").asText()))).singleElement()
                .satisfies(r -> assertThat(r.path("status").asText()).isEqualTo("CLOSED")));
        GatewayClient.Response ics = api.get("/api/interviews/" + interview + "/calendar.ics", MAYA);
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.header("Content-Type")).startsWith("text/calendar");
        confirmedInterview = interview;
        confirmedStart = Instant.parse(slots.get(0));
        confirmedCalendarFile = ics.raw().body();
        if (radicale != null) {
            String copy = calendar + interview + ".ics";
            // Written when scheduled (tentative), rewritten when confirmed.
            String held = await().atMost(EVENTS).until(() -> radicale.get(copy),
                    r -> r.statusCode() == 200 && r.body().contains("STATUS:CONFIRMED")).body();
            assertThat(held).contains("UID:" + interview + "@rapport.scheduling");
        }

        awaitKnownToScheduling(sofia);
        GatewayClient.Response clash = api.post("/api/interviews", MAYA, """
                {"contactId": "%s", "objective": "Learn about clinical informatics.",
                 "slots": [{"start": "%s", "minutes": 30}],
                 "format": {"kind": "PHONE", "phone": "+1 312 555 0100"}, "memberTimeZone": "%s"}
                """.formatted(sofia, base.plusMinutes(15).toInstant(), ZONE));
        assertThat(clash.status()).as(clash.toString()).isEqualTo(409);
        assertThat(clash.text("conflictingInterviewId")).isEqualTo(interview);
    }

    @Test
    @Order(5)
    void aHeldInterviewMovesTheContactAndBringsNotesAndThankYouReminders() {
        heldWithMarcus = holdInterviewWith(marcus, "Learn how Marcus moved into data science.");

        await().atMost(EVENTS).untilAsserted(() -> assertThat(api.get("/api/contacts/" + marcus, MAYA).text("stage")).isEqualTo("INTERVIEWED"));
        awaitReminder(r -> r.path("rule").asText().equals("WRITE_NOTES") && heldWithMarcus.equals(r.path("subjectId").asText()));
        awaitReminder(r -> r.path("rule").asText().equals("SEND_THANK_YOU") && heldWithMarcus.equals(r.path("subjectId").asText()));
    }

    @Test
    @Order(6)
    void consentedNotesWithAReferralAndAnActionItemReachContactsAndReminders() {
        takeNotes(heldWithMarcus, "Marcus Lee", "Bluefin Analytics", "Data Scientist", List.of(
                entry("skills", "Strong SQL is the entry ticket for analysts", false),
                entry("skills", "Stakeholder communication decides whether models get used", false),
                entry("challenges", "His manager is leaving next month", true)));
        assertThat(api.post("/api/notes/" + heldWithMarcus + "/referrals", MAYA,
                "{\"name\": \"Nadia Osei\", \"employer\": \"Bluefin Analytics\", \"role\": \"Analytics Lead\", \"mayUseReferrerName\": true}").status())
                .isEqualTo(201);
        assertThat(api.post("/api/notes/" + heldWithMarcus + "/action-items", MAYA,
                "{\"text\": \"Finish the SQL window functions course\", \"dueOn\": \"" + LocalDate.now().plusDays(10) + "\"}").status())
                .isEqualTo(201);

        await().atMost(EVENTS).untilAsserted(() -> {
            JsonNode nadia = null;
            for (JsonNode contact : items(api.get("/api/contacts?limit=50", MAYA))) {
                if (contact.path("name").asText().equals("Nadia Osei")) {
                    nadia = contact;
                }
            }
            assertThat(nadia).as("the referral became a contact").isNotNull();
            assertThat(nadia.path("referredByContactId").asText()).isEqualTo(marcus);
            assertThat(nadia.path("source").asText()).isEqualTo("REFERRAL");
        });
        awaitReminder(r -> r.path("rule").asText().equals("ACTION_ITEM") && r.path("title").asText().contains("SQL"));
    }

    @Test
    @Order(7)
    void theThankYouIsDraftedAndSentAndTheKeepInTouchRemindersFollow() {
        GatewayClient.Response draft = api.get("/api/notes/" + heldWithMarcus + "/thank-you", MAYA);
        assertThat(draft.status()).isEqualTo(200);
        assertThat(draft.text("draft")).contains("Marcus");
        await().atMost(Duration.ofSeconds(90)).until(() -> Instant.now().isAfter(marcusInterviewEnds));

        GatewayClient.Response sent = api.post("/api/notes/" + heldWithMarcus + "/thank-you/sent", MAYA, "{\"channel\": \"EMAIL\"}");
        assertThat(sent.status()).as(sent.toString()).isIn(200, 201);

        await().atMost(EVENTS).untilAsserted(() -> assertThat(api.get("/api/contacts/" + marcus, MAYA).text("stage")).isEqualTo("THANKED"));
        await().atMost(EVENTS).untilAsserted(() -> assertThat(reminders(r -> r.path("rule").asText().equals("SEND_THANK_YOU")
                && heldWithMarcus.equals(r.path("subjectId").asText()))).allSatisfy(r ->
                assertThat(r.path("status").asText()).isEqualTo("CLOSED")));
        awaitReminder(r -> r.path("rule").asText().equals("REPORT_ON_ADVICE") && marcus.equals(r.path("contactId").asText()));
        awaitReminder(r -> r.path("rule").asText().equals("CHECK_IN") && marcus.equals(r.path("contactId").asText()));
    }

    @Test
    @Order(8)
    void afterTwoMoreInterviewsTheSynthesisShowsThemesWithTheirSupportAndTheExportIsAnonymous() {
        String withLena = holdInterviewWith(lena, "Learn how Lena builds data pipelines.");
        takeNotes(withLena, "Lena Fischer", "Bluefin Analytics", "Data Engineer", List.of(
                entry("skills", "SQL every day, and Python for the pipelines", false),
                entry("skills", "Communicating with stakeholders about data quality", false)));
        String withSofia = holdInterviewWith(sofia, "Learn how Sofia moved into clinical informatics.");
        takeNotes(withSofia, "Sofia Garcia", "Northwind Health", "Nurse Informaticist", List.of(
                entry("skills", "Enough SQL to check the reports yourself", false),
                entry("culture", "Clinicians trust people who have worked a shift", false)));

        await().atMost(EVENTS).untilAsserted(() -> {
            String synthesis = api.get("/api/synthesis", MAYA).raw().body();
            assertThat(synthesis).containsIgnoringCase("sql");
            assertThat(maxSupport(api.get("/api/synthesis", MAYA).json())).isEqualTo(3);
        });
        String export = api.get("/api/synthesis/export.md", MAYA).raw().body();
        assertThat(export).contains("Interviewee A").doesNotContain("Marcus", "Lena", "Sofia", "manager is leaving");
    }

    @Test
    @Order(9)
    void anotherMemberSeesNoneOfIt() {
        for (String path : List.of("/api/contacts", "/api/employers", "/api/interviews", "/api/notes", "/api/reminders", "/api/synthesis")) {
            assertThat(api.get(path, "noah").raw().body()).as(path).doesNotContain("Marcus", "Bluefin", "SQL", "Northwind");
        }
        assertThat(api.get("/api/contacts/" + marcus, "noah").status()).isEqualTo(404);
        assertThat(api.get("/api/interviews/" + heldWithMarcus, "noah").status()).isEqualTo(404);
        assertThat(api.get("/api/notes/" + heldWithMarcus, "noah").status()).isEqualTo(404);
    }

    @Test
    @Order(10)
    void erasingTheMemberLeavesNothingOfThemInAnyService() {
        assertThat(api.delete("/api/me", MAYA).status()).isEqualTo(202);

        await().atMost(EVENTS).untilAsserted(() -> {
            assertThat(items(api.get("/api/contacts", MAYA)).size()).as("contacts").isZero();
            assertThat(items(api.get("/api/employers", MAYA)).size()).as("employers").isZero();
            assertThat(api.get("/api/interviews", MAYA).raw().body()).as("interviews").doesNotContain("Marcus", "objective");
            assertThat(api.get("/api/notes", MAYA).raw().body()).as("notes").doesNotContain("Marcus", "SQL");
            assertThat(api.get("/api/reminders/export", MAYA).json().path("reminders").size()).as("reminders").isZero();
            assertThat(api.get("/api/synthesis", MAYA).raw().body()).as("synthesis").doesNotContainIgnoringCase("sql");
        });
    }

    /**
     * A member with many connections imports LinkedIn's export of 30,000 rows (LinkedIn's cap) through the
     * gateway: the upload is answered at once, well within the gateway's 10 s route timeout, and the job is
     * followed to its end; a retried upload with the same key is the same job. Prints the rate as BENCHMARK.
     */
    @Test
    @Order(12)
    void aThirtyThousandRowLinkedInExportIsImportedThroughTheGatewayOnceEvenWhenRetried() {
        StringBuilder csv = new StringBuilder("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for (int i = 0; i < 30_000; i++) {
            csv.append("Avery").append(i).append(",Nakamura-").append(i % 977)
                    .append(",https://www.linkedin.com/in/avery-nakamura-").append(Integer.toHexString(i * 7919))
                    .append(',').append(i % 4 == 0 ? "avery" + i + "@mail.example" : "")
                    .append(",\"Northwind Health, ").append(i % 300).append("\",Senior Data Analyst ").append(i % 7)
                    .append(",12 Mar 2024\n");
        }
        Map<String, String> upload = Map.of("Content-Type", "text/csv", "Idempotency-Key", "connections-2026-11");
        long started = System.nanoTime();

        GatewayClient.Response accepted = api.call("POST", "/api/contacts/import", "olu", upload, csv.toString());

        long answeredMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String location = accepted.header("Location");
        JsonNode[] job = new JsonNode[1];
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            job[0] = api.get(location, "olu").json();
            return !job[0].path("status").asText().equals("RUNNING");
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(job[0].path("status").asText()).as(job[0].toString()).isEqualTo("DONE");
        assertThat(job[0].path("created").asInt()).isEqualTo(30_000);
        System.out.printf("BENCHMARK LinkedIn import through the gateway: 30,000 rows (%d bytes) answered in %d ms, "
                + "done in %d ms: %d rows/s%n", csv.length(), answeredMillis, millis, 30_000L * 1000 / millis);

        GatewayClient.Response retried = api.call("POST", "/api/contacts/import", "olu", upload, csv.toString());
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.header("Location")).isEqualTo(location);
        assertThat(retried.json().path("created").asInt()).as("the same job: nothing imported twice").isEqualTo(30_000);
    }

    /**
     * The organization: an admin makes a cohort and assigns an advisor; a member shares progress, the advisor sees
     * the caseload and nudges (the nudge lands in the member's inbox), the member revokes (404 at once); the cohort's
     * figures are suppressed where the tenant total would give the one outsider away; the same alumna written to by
     * three members is an admin signal; an alumni volunteer with a cap of one takes one request and refuses the next.
     */
    @Test
    @Order(11) // before the 30,000-row import, whose events every consumer (this one too) works through afterwards
    void theOrganizationSeesCohortsCaseloadsAndFiguresOnlyAsMembersAndKAllow() {
        // An organization of its own: its figures count exactly its members.
        GatewayClient api = new GatewayClient(system.gatewayUri(), "organization-" + UUID.randomUUID());
        GatewayClient admin = api.as("admin");
        GatewayClient advisor = api.as("advisor");
        String cohort = id(admin.post("/api/insights/admin/cohorts", "dean", "{\"name\": \"MSc Data 2026\", \"kind\": \"program\"}"));
        List<String> members = List.of("ana", "ben", "caro", "dev", "eli", "fay");
        for (String member : members) {
            assertThat(admin.put("/api/insights/admin/cohorts/" + cohort + "/members/" + member, "dean", null).status()).isEqualTo(204);
        }
        assertThat(admin.put("/api/insights/admin/advisors/mentor/cohorts/" + cohort, "dean", null).status()).isEqualTo(204);
        List<String> writers = new ArrayList<>(members);
        writers.add("gus"); // active, but in no cohort
        for (int i = 0; i < writers.size(); i++) {
            String member = writers.get(i);
            String email = i < 3 ? "grace.park@alumni.example" : member + ".contact@example.org";
            String contact = id(api.post("/api/contacts", member, """
                    {"name": "Grace Park", "email": "%s", "employer": "Bluefin Analytics", "role": "Analyst", "source": "alumni"}
                    """.formatted(email)));
            assertThat(api.post("/api/contacts/" + contact + "/outreach", member, """
                    {"channel": "email", "memberTimeZone": "%s", "text": "Hello Grace, as a fellow alum I admired your talk. Would you have 20 minutes next week?"}
                    """.formatted(ZONE)).status()).isEqualTo(201);
        }

        assertThat(api.put("/api/insights/sharing/mentor", "ana", "{\"tier\": \"progress\"}").status()).isEqualTo(200);
        await().atMost(EVENTS).untilAsserted(() -> {
            JsonNode caseload = advisor.get("/api/insights/advisor/caseload", "mentor").json().path("members");
            assertThat(caseload.findValuesAsText("memberId")).containsExactly("ana");
            assertThat(caseload.get(0).path("funnel").path("outreachSent").asInt()).isEqualTo(1);
        });
        assertThat(advisor.get("/api/insights/advisor/members/ben", "mentor").status()).as("ben shares nothing").isEqualTo(404);
        assertThat(advisor.post("/api/insights/advisor/members/ana/nudges", "mentor",
                "{\"text\": \"Try a second contact at Bluefin\"}").status()).isEqualTo(201);
        await().atMost(EVENTS).untilAsserted(() -> assertThat(api.get("/api/reminders", "ana").raw().body())
                .contains("From your advisor: Try a second contact at Bluefin"));
        assertThat(api.put("/api/insights/sharing/mentor", "ana", "{\"tier\": \"nothing\"}").status()).isEqualTo(200);
        assertThat(advisor.get("/api/insights/advisor/members/ana", "mentor").status()).as("revoked").isEqualTo(404);

        await().atMost(EVENTS).untilAsserted(() -> assertThat(admin.get("/api/insights/admin/figures", "dean").json()
                .path("total").path("ACTIVE_MEMBERS").asInt()).isEqualTo(7));
        JsonNode figures = admin.get("/api/insights/admin/figures", "dean").json();
        assertThat(figures.path("cohorts").get(0).path("figures").path("ACTIVE_MEMBERS").isMissingNode())
                .as("6 of 7: the total less the cohort would be gus alone").isTrue();

        await().atMost(EVENTS).untilAsserted(() -> {
            JsonNode overAsked = admin.get("/api/insights/admin/over-asked", "dean").json();
            assertThat(overAsked).hasSize(1);
            assertThat(overAsked.get(0).path("members").asInt()).isEqualTo(3);
            assertThat(overAsked.toString()).doesNotContain("ana", "ben", "caro");
        });

        String volunteer = id(admin.post("/api/insights/admin/volunteers", "dean", """
                {"name": "Omar Haddad", "email": "omar@orbit.example", "employer": "Orbit Energy", "role": "Engineer",
                 "industry": "Energy", "topics": ["grid storage"], "monthlyCap": 1}"""));
        assertThat(api.post("/api/insights/volunteers/" + volunteer + "/requests", "dev", null).status()).isEqualTo(201);
        GatewayClient.Response full = api.post("/api/insights/volunteers/" + volunteer + "/requests", "eli", null);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.text("detail")).startsWith("Omar Haddad has already received this month's 1 request");
        await().atMost(EVENTS).untilAsserted(() -> assertThat(api.get("/api/contacts?q=Omar", "dev").raw().body())
                .containsIgnoringCase("alumni").contains("Omar Haddad"));
    }

    /** The calendar file fetched when the interview was confirmed (step 4), as a member's calendar reads it. */
    @Test
    @Order(11)
    void theConfirmedInterviewsCalendarFileIsReadByPythonsIcalendar() {
        assertThat(confirmedCalendarFile).as("the interview of step 4").isNotNull();
        Assumptions.assumeTrue(pythonImportsIcalendar(), "/usr/bin/python3 cannot import icalendar, so the calendar file"
                + " is not read by an outside client here: apt-get install python3-icalendar (.ci/run does)");

        assertThat(parsedByPythonIcalendar(confirmedCalendarFile))
                .contains("STATUS=CONFIRMED", "UID=" + confirmedInterview + "@rapport.scheduling", "TZID=" + ZONE,
                        "DTSTART=" + confirmedStart, "LOCATION=https://zoom.example/j/123");
    }

    private static String proposal(String contact, List<String> slots) {
        return """
                {"contactId": "%s", "objective": "Learn how product managers at Northwind decide what to build.",
                 "slots": [%s],
                 "format": {"kind": "VIDEO", "platform": "ZOOM", "link": "https://zoom.example/j/123"},
                 "memberTimeZone": "%s", "contactTimeZone": "America/New_York"}
                """.formatted(contact, String.join(", ", slots.stream()
                .map(start -> "{\"start\": \"" + start + "\", \"minutes\": 30}").toList()), ZONE);
    }

    private static boolean pythonImportsIcalendar() {
        try {
            Process python = new ProcessBuilder("/usr/bin/python3", "-c", "import icalendar").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return python.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && python.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Reads the calendar file as an outside client: Python's icalendar (Debian's python3-icalendar, which CI installs). */
    private static String parsedByPythonIcalendar(String ics) {
        String script = """
                import sys, icalendar
                from datetime import timezone
                cal = icalendar.Calendar.from_ical(sys.stdin.read())
                event = cal.walk("VEVENT")[0]
                start = event.decoded("DTSTART")
                print("STATUS=" + str(event.get("STATUS")))
                print("UID=" + str(event.get("UID")))
                print("TZID=" + str(event["DTSTART"].params.get("TZID")))
                print("DTSTART=" + start.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
                print("LOCATION=" + str(event.get("LOCATION")))
                """;
        try {
            Process python = new ProcessBuilder("/usr/bin/python3", "-c", script).redirectErrorStream(true).start();
            try (var in = python.getOutputStream()) {
                in.write(ics.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            String out = new String(python.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(python.waitFor()).as(out).isZero();
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- steps ---

    private static String contact(String name, String email, String employerId, String role, String source) {
        return id(api.post("/api/contacts", MAYA, """
                {"name": "%s", "email": "%s", "employerId": "%s", "role": "%s", "source": "%s", "timeZone": "America/New_York"}
                """.formatted(name, email, employerId, role, source)));
    }

    /** Interviews are held only once started: this one starts seconds from now and lasts a minute. */
    private static String holdInterviewWith(String contact, String objective) {
        awaitKnownToScheduling(contact);
        Instant start = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        String interview = id(api.post("/api/interviews", MAYA, """
                {"contactId": "%s", "objective": "%s", "slots": [{"start": "%s", "minutes": 30}],
                 "format": {"kind": "VIDEO", "platform": "MEET", "link": "https://meet.example/abc"}, "memberTimeZone": "%s"}
                """.formatted(contact, objective, start, ZONE)));
        assertThat(api.post("/api/interviews/" + interview + "/schedule", MAYA, "{\"start\": \"" + start + "\"}").status()).isEqualTo(200);
        assertThat(api.post("/api/interviews/" + interview + "/confirm", MAYA, null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(start.plusSeconds(1)));
        GatewayClient.Response held = api.post("/api/interviews/" + interview + "/held", MAYA, "{\"actualMinutes\": 1}");
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        if (contact.equals(marcus)) {
            marcusInterviewEnds = start.plus(1, ChronoUnit.MINUTES);
        }
        return interview;
    }

    private static void takeNotes(String interview, String name, String employer, String role, List<String> entries) {
        await().atMost(EVENTS).until(() -> api.get("/api/notes/" + interview, MAYA).status() == 200);
        GatewayClient.Response saved = api.put("/api/notes/" + interview, MAYA, """
                {"contactName": "%s", "employer": "%s", "role": "%s", "consent": "GRANTED", "permissionToShare": false,
                 "entries": [%s], "takeaways": ["SQL first, then communication"], "advice": "Build one small project end to end"}
                """.formatted(name, employer, role, String.join(",", entries)));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    private static String entry(String category, String text, boolean sensitive) {
        return "{\"category\": \"" + category + "\", \"text\": \"" + text + "\", \"sensitive\": " + sensitive + "}";
    }

    private static void awaitKnownToScheduling(String contact) {
        await().atMost(EVENTS).until(() -> api.get("/api/scheduling/contacts/" + contact, MAYA).status() == 200);
    }

    private static JsonNode awaitReminder(Predicate<JsonNode> which) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(EVENTS).untilAsserted(() -> {
            found.clear();
            found.addAll(reminders(which));
            assertThat(found).isNotEmpty();
        });
        return found.getFirst();
    }

    private static List<JsonNode> reminders(Predicate<JsonNode> which) {
        List<JsonNode> matching = new ArrayList<>();
        api.get("/api/reminders/export", MAYA).json().path("reminders").forEach(reminder -> {
            if (which.test(reminder)) {
                matching.add(reminder);
            }
        });
        return matching;
    }

    private static int maxSupport(JsonNode synthesis) {
        int max = 0;
        for (JsonNode count : synthesis.findValues("interviewCount")) {
            max = Math.max(max, count.asInt());
        }
        for (JsonNode count : synthesis.findValues("supportingInterviews")) {
            max = Math.max(max, count.isArray() ? count.size() : count.asInt());
        }
        return max;
    }

    private static LocalDate localDate(String instant) {
        return Instant.parse(instant).atZone(ZoneId.of(ZONE)).toLocalDate();
    }

    private static LocalDate businessDaysAfter(LocalDate day, int businessDays) {
        LocalDate date = day;
        int counted = 0;
        while (counted < businessDays) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return date;
    }

    private static JsonNode items(GatewayClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        return json.isArray() ? json : json.path("items");
    }

    private static String id(GatewayClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("id");
    }
}
