package io.rapport.scheduling;

import static io.rapport.scheduling.SchedulingTestSupport.knownContact;
import static io.rapport.scheduling.SchedulingTestSupport.proposal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.MemberDataErased;
import io.rapport.events.Topics;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.CloudEventHeaders;
import io.rapport.scheduling.calendar.caldav.ICalendarTimes;
import io.rapport.scheduling.interviews.BusyTimes.Busy;
import io.rapport.test.ApiClient;
import io.rapport.test.EventsOnTopic;
import io.rapport.test.ServiceIntegrationTest;
import io.rapport.test.TestEvents;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The member's CalDAV calendar: connecting it (the secret sealed, never answered back or logged), and, against a
 * real CalDAV server (Debian's Radicale, skipped with the reason where it is not installed), what Rapport writes
 * there and how the calendar's busy times keep proposals and schedules away from them.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {
        // 32 bytes of test key, base64; the launcher and deployments supply their own.
        "rapport.calendar.key=" + CalendarConnectionIT.KEY,
        "rapport.calendar.poll-interval=200ms",
        // Radicale runs on this machine's loopback.
        "rapport.calendar.allow-private-networks=true"})
@ExtendWith(OutputCaptureExtension.class)
class CalendarConnectionIT {

    static final String KEY = "cmFwcG9ydC1jYWxlbmRhci10ZXN0LWtleS0zMi1ieXQ=";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Pattern UID = Pattern.compile("(?m)^UID:(.+?)\\r?$");

    private static Radicale radicale;

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    @Autowired
    MongoTemplate mongo;

    private Member ada;
    private ApiClient api;
    private String secret;

    @BeforeAll
    static void startRadicale() throws Exception {
        if (Radicale.installed()) {
            radicale = Radicale.start();
        }
    }

    @AfterAll
    static void stopRadicale() throws Exception {
        if (radicale != null) {
            radicale.close();
        }
    }

    @BeforeEach
    void setUp() {
        ada = new Member("ada", "uni-" + UUID.randomUUID());
        api = ApiClient.at("http://127.0.0.1:" + port).as(ada.memberId(), ada.tenantId());
        secret = "never-shown-" + UUID.randomUUID();
    }

    @AfterEach
    void theSecretNeverReachesTheLogs(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain(secret).doesNotContain(Radicale.PASSWORD);
    }

    private static String connectBody(String url, String user, String password) {
        return """
                {"url": "%s", "user": "%s", "password": "%s"}""".formatted(url, user, password);
    }

    private static void assumeRadicale() {
        Assumptions.assumeTrue(radicale != null, Radicale.MISSING);
    }

    // ---------------------------------------------------------------- connecting

    @Test
    void badInputIsA400NamingEachField() {
        ApiClient.Response empty = api.put("/api/calendar", "{}");
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(fields(empty)).containsExactlyInAnyOrder("url", "password");

        ApiClient.Response wrong = api.put("/api/calendar", """
                {"url": "ftp://dav.example.org/cal/", "password": "%s", "token": "t"}""".formatted("p".repeat(5000)));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(fields(wrong)).containsExactlyInAnyOrder("url", "password", "token");

        ApiClient.Response noUser = api.put("/api/calendar", """
                {"url": "https://ada:pw@dav.example.org/cal/", "password": "%s"}""".formatted(secret));
        assertThat(fields(noUser)).containsExactlyInAnyOrder("url", "user");
        assertThat(noUser.raw().body()).doesNotContain(secret);

        assertThat(api.put("/api/calendar", "{\"url\": 12, \"user\": [], \"password\": true}").status()).isEqualTo(400);
        assertThat(api.get("/api/calendar").status()).as("nothing was stored").isEqualTo(404);
    }

    @Test
    void connectingStoresTheSecretSealedAndNeverAnswersItBack() {
        try (EventsOnTopic events = new EventsOnTopic(kafka, Topics.SCHEDULING)) {
            ApiClient.Response connected = api.put("/api/calendar",
                    connectBody("https://dav.example.org/dav/ada/work", "ada", secret));
            assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
            assertThat(connected.raw().body()).doesNotContain(secret);
            assertThat(connected.json().path("url").asString()).isEqualTo("https://dav.example.org/dav/ada/work/");
            assertThat(connected.json().path("user").asString()).isEqualTo("ada");
            assertThat(connected.json().path("status").asString()).isEqualTo("CONNECTED");
            assertThat(connected.json().has("password")).isFalse();

            ApiClient.Response status = api.get("/api/calendar");
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.raw().body()).doesNotContain(secret);

            Document stored = mongo.findById(ada.tenantId() + "/" + ada.memberId(), Document.class, "calendar_connections");
            assertThat(stored.getString("secret")).startsWith("v1:");
            assertThat(stored.toJson()).doesNotContain(secret);

            JsonNode event = JSON.readTree(events.await(mine("CalendarConnected"), Duration.ofSeconds(20)).value());
            assertThat(event.path("calendarHost").asString()).isEqualTo("dav.example.org");
            assertThat(event.toString()).doesNotContain(secret).doesNotContain("/dav/ada/work");

            // Another member (even in the same tenant) sees no calendar and cannot disconnect this one.
            ApiClient grace = ApiClient.at("http://127.0.0.1:" + port).as("grace", ada.tenantId());
            assertThat(grace.get("/api/calendar").status()).isEqualTo(404);
            assertThat(grace.delete("/api/calendar").status()).isEqualTo(404);
            assertThat(api.get("/api/calendar").status()).isEqualTo(200);

            assertThat(api.delete("/api/calendar").status()).isEqualTo(204);
            assertThat(api.get("/api/calendar").status()).isEqualTo(404);
            assertThat(api.delete("/api/calendar").status()).isEqualTo(404);
            Document after = mongo.findById(ada.tenantId() + "/" + ada.memberId(), Document.class, "calendar_connections");
            assertThat(after).doesNotContainKeys("secret", "url", "user");
            events.await(mine("CalendarDisconnected"), Duration.ofSeconds(20));
        }
    }

    @Test
    void erasingTheMemberDeletesTheCalendarCredentials() {
        assertThat(api.put("/api/calendar", connectBody("https://dav.example.org/ada/", "ada", secret)).status()).isEqualTo(200);
        Instant erasedAt = Instant.now();
        producer.send(TestEvents.record(new MemberDataErased(ada.memberId(), erasedAt), ada, "erase-" + UUID.randomUUID(),
                erasedAt)).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/calendar").status() == 404);
        assertThat(mongo.findById(ada.tenantId() + "/" + ada.memberId(), Document.class, "calendar_connections")).isNull();
    }

    private java.util.function.Predicate<ConsumerRecord<String, byte[]>> mine(String type) {
        return EventsOnTopic.ofType(type, null)
                .and(r -> ada.memberId().equals(EventsOnTopic.header(r, CloudEventHeaders.MEMBER)))
                .and(r -> ada.tenantId().equals(EventsOnTopic.header(r, CloudEventHeaders.TENANT)));
    }

    // ---------------------------------------------------------------- against Radicale

    /** 10:00 Berlin time, {@code days} from today. */
    private static ZonedDateTime tenOClock(int days) {
        return ZonedDateTime.of(LocalDate.now(BERLIN).plusDays(days), LocalTime.of(10, 0), BERLIN);
    }

    private String connectedRadicaleCalendar() throws Exception {
        String calendar = radicale.newCalendar();
        ApiClient.Response connected = api.put("/api/calendar", connectBody(calendar, Radicale.USER, Radicale.PASSWORD));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
        return calendar;
    }

    @Test
    void proposalsAndSchedulesKeepClearOfWhatIsBusyInTheCalendar() throws Exception {
        assumeRadicale();
        String calendar = connectedRadicaleCalendar();
        ZonedDateTime dentist = tenOClock(12);
        // Already in the member's calendar, written there by some other app: 10:00-11:00 Berlin.
        HttpResponse<String> put = radicale.put(calendar + "dentist.ics", """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Another app//EN\r
                BEGIN:VEVENT\r
                UID:dentist-%1$s@example.org\r
                DTSTAMP:20260101T000000Z\r
                DTSTART:%2$s\r
                DTEND:%3$s\r
                SUMMARY:Dentist (private)\r
                ATTENDEE:mailto:dr.who@example.org\r
                END:VEVENT\r
                END:VCALENDAR\r
                """.formatted(UUID.randomUUID(), ICalendarTimes.utc(dentist.toInstant()),
                ICalendarTimes.utc(dentist.plusHours(1).toInstant())));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        String contact = knownContact(producer, api, ada, "Grace Hopper", "America/New_York");

        ApiClient.Response overlapping = api.post("/api/interviews", proposal(contact, dentist.plusMinutes(30).toOffsetDateTime().toString()));
        assertThat(overlapping.status()).as(overlapping + " " + api.get("/api/calendar")).isEqualTo(409);
        assertThat(overlapping.json().path("calendarBusyStart").asString()).isEqualTo(dentist.toInstant().toString());
        assertThat(overlapping.json().path("calendarBusyEnd").asString()).isEqualTo(dentist.plusHours(1).toInstant().toString());
        assertThat(overlapping.raw().body()).doesNotContain("Dentist").doesNotContain("dr.who");

        // A weekly meeting stored as it was created three weeks earlier (Radicale does not expand it): this week's counts.
        ZonedDateTime weekly = dentist.plusHours(5);
        assertThat(radicale.put(calendar + "weekly.ics", """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Another app//EN\r
                BEGIN:VEVENT\r
                UID:weekly-%1$s@example.org\r
                DTSTAMP:20260101T000000Z\r
                DTSTART;TZID=Europe/Berlin:%2$s\r
                DURATION:PT45M\r
                RRULE:FREQ=WEEKLY\r
                SUMMARY:Weekly team meeting\r
                END:VEVENT\r
                END:VCALENDAR\r
                """.formatted(UUID.randomUUID(), weekly.minusWeeks(3).toLocalDateTime().format(
                        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")))).statusCode()).isEqualTo(201);
        ApiClient.Response duringTheMeeting = api.post("/api/interviews", proposal(contact, weekly.plusMinutes(15).toOffsetDateTime().toString()));
        assertThat(duringTheMeeting.status()).as(duringTheMeeting.toString()).isEqualTo(409);
        assertThat(duringTheMeeting.json().path("calendarBusyStart").asString()).isEqualTo(weekly.toInstant().toString());

        ApiClient.Response withinTheBuffer = api.post("/api/interviews", proposal(contact, dentist.plusMinutes(70).toOffsetDateTime().toString()));
        assertThat(withinTheBuffer.status()).as("11:10 leaves less than the 15-minute buffer").isEqualTo(409);

        String clear = dentist.plusMinutes(75).toOffsetDateTime().toString();
        String early = dentist.minusMinutes(45).toOffsetDateTime().toString();
        ApiClient.Response proposed = api.post("/api/interviews", proposal(contact, clear, early));
        assertThat(proposed.status()).as("9:15-9:45 and 11:15-11:45 keep 15 minutes from the dentist: " + proposed)
                .isEqualTo(201);

        // A call lands in the calendar at 8:50-9:20 after the proposal: the early slot cannot be scheduled any more.
        assertThat(radicale.put(calendar + "call.ics", """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Another app//EN\r
                BEGIN:VEVENT\r
                UID:call-%1$s@example.org\r
                DTSTAMP:20260101T000000Z\r
                DTSTART;TZID=Europe/Berlin:%2$s\r
                DURATION:PT30M\r
                SUMMARY:Call with the bank\r
                END:VEVENT\r
                END:VCALENDAR\r
                """.formatted(UUID.randomUUID(), dentist.minusMinutes(70).toLocalDateTime().format(
                        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")))).statusCode()).isEqualTo(201);
        ApiClient.Response schedule = api.post("/api/interviews/" + proposed.text("id") + "/schedule",
                "{\"start\": \"" + early + "\"}");
        assertThat(schedule.status()).as(schedule.toString()).isEqualTo(409);
        assertThat(schedule.json().path("calendarBusyStart").asString())
                .isEqualTo(dentist.minusMinutes(70).toInstant().toString());
        assertThat(schedule.raw().body()).doesNotContain("bank");
        assertThat(api.post("/api/interviews/" + proposed.text("id") + "/schedule", "{\"start\": \"" + clear + "\"}").status())
                .isEqualTo(200);
    }

    @Test
    void aScheduledInterviewIsWrittenToTheCalendarMovedWhenRescheduledAndRemovedWhenCancelled() throws Exception {
        assumeRadicale();
        String calendar = connectedRadicaleCalendar();
        String contact = knownContact(producer, api, ada, "Katherine Johnson", "America/New_York");
        ZonedDateTime first = tenOClock(14);
        String id = api.post("/api/interviews", proposal(contact, first.toOffsetDateTime().toString())).text("id");
        assertThat(api.post("/api/interviews/" + id + "/schedule", "{\"start\": \"" + first.toOffsetDateTime() + "\"}").status())
                .isEqualTo(200);

        String ics = api.get("/api/interviews/" + id + "/calendar.ics").raw().body();
        String uid = uid(ics);
        assertThat(uid).isEqualTo(id + "@rapport.scheduling");
        String copy = calendar + id + ".ics";
        String held = await().atMost(Duration.ofSeconds(20)).until(() -> radicale.get(copy),
                r -> r.statusCode() == 200).body();
        assertThat(uid(held)).isEqualTo(uid);
        assertThat(times(held)).containsExactly(new Busy(first.toInstant(), first.plusMinutes(30).toInstant()));
        assertThat(held).doesNotContain("METHOD:");

        // 20 minutes later: it overlaps its own copy in the calendar, which must not count as busy.
        ZonedDateTime moved = first.plusMinutes(20);
        ApiClient.Response rescheduled = api.post("/api/interviews/" + id + "/reschedule",
                "{\"start\": \"" + moved.toOffsetDateTime() + "\", \"minutes\": 45}");
        assertThat(rescheduled.status()).as(rescheduled.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(times(radicale.get(copy).body()))
                .containsExactly(new Busy(moved.toInstant(), moved.plusMinutes(45).toInstant())));
        assertThat(uid(radicale.get(copy).body())).isEqualTo(uid);

        assertThat(api.post("/api/interviews/" + id + "/cancel", "{\"reason\": \"Katherine is travelling\"}").status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> radicale.get(copy).statusCode() == 404);

        JsonNode status = api.get("/api/calendar").json();
        assertThat(status.path("status").asString()).isEqualTo("CONNECTED");
        assertThat(status.path("lastSyncAt").isNull()).isFalse();
    }

    @Test
    void aServerThatIsDownDelaysTheCopyNeverTheInterviewAndTheCopyArrivesWhenItIsBack() throws Exception {
        assumeRadicale();
        String calendar = radicale.newCalendar();
        radicale.stop();
        try {
            assertThat(api.put("/api/calendar", connectBody(calendar, Radicale.USER, Radicale.PASSWORD)).status()).isEqualTo(200);
            String contact = knownContact(producer, api, ada, "Dorothy Vaughan", "America/New_York");
            ZonedDateTime start = tenOClock(16);
            String id = api.post("/api/interviews", proposal(contact, start.toOffsetDateTime().toString())).text("id");
            ApiClient.Response scheduled = api.post("/api/interviews/" + id + "/schedule",
                    "{\"start\": \"" + start.toOffsetDateTime() + "\"}");
            assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
            assertThat(api.get("/api/interviews/" + id).json().path("status").asString()).isEqualTo("SCHEDULED");

            JsonNode failing = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/calendar").json(),
                    s -> s.path("status").asString().equals("FAILING"));
            assertThat(failing.path("lastError").asString()).isEqualTo("Could not reach the calendar server at 127.0.0.1");

            radicale.run();
            String held = await().atMost(Duration.ofSeconds(60)).until(() -> radicale.get(calendar + id + ".ics"),
                    r -> r.statusCode() == 200).body();
            assertThat(uid(held)).isEqualTo(id + "@rapport.scheduling");
            await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/calendar").json().path("status").asString(),
                    "CONNECTED"::equals);
        } finally {
            radicale.stop();
            radicale.run();
        }
    }

    @Test
    void aWrongPasswordIsSaidInPlainWords() throws Exception {
        assumeRadicale();
        String calendar = radicale.newCalendar();
        assertThat(api.put("/api/calendar", connectBody(calendar, Radicale.USER, secret)).status()).isEqualTo(200);
        String contact = knownContact(producer, api, ada, "Mary Jackson", "America/New_York");
        String start = tenOClock(18).toOffsetDateTime().toString();
        String id = api.post("/api/interviews", proposal(contact, start)).text("id");
        assertThat(api.post("/api/interviews/" + id + "/schedule", "{\"start\": \"" + start + "\"}").status()).isEqualTo(200);

        JsonNode failing = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/calendar").json(),
                s -> s.path("status").asString().equals("FAILING"));
        assertThat(failing.path("lastError").asString())
                .startsWith("The calendar server at 127.0.0.1 refused the user name and password (HTTP 401)");
        assertThat(failing.toString()).doesNotContain(secret);
    }

    private static String uid(String icalendar) {
        Matcher uid = UID.matcher(icalendar);
        assertThat(uid.find()).as(icalendar).isTrue();
        return uid.group(1).strip();
    }

    private static List<Busy> times(String icalendar) {
        return ICalendarTimes.busy(icalendar, ZoneOffset.UTC);
    }

    private static List<String> fields(ApiClient.Response response) {
        return response.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }

}
