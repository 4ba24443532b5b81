package io.rapport.scheduling;

import static io.rapport.scheduling.SchedulingTestSupport.knownContact;
import static io.rapport.scheduling.SchedulingTestSupport.proposal;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.domain.Member;
import io.rapport.test.ApiClient;
import io.rapport.test.ServiceIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calendar files over HTTP, read by an outside client (Python's icalendar, Debian's
 * python3-icalendar under /usr/bin/python3), and the subscribable feed opened by its token alone.
 * The tests that need Python are skipped, saying so, where it or icalendar is missing; CI installs both.
 */
@ServiceIntegrationTest
class CalendarIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PYTHON = "/usr/bin/python3";
    private static final boolean PYTHON_READS_ICALENDAR = pythonImportsIcalendar();

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    private Member alice;
    private ApiClient api;
    private ApiClient anonymous;

    @BeforeEach
    void setUp() {
        alice = new Member("alice", "uni-" + UUID.randomUUID());
        api = ApiClient.at("http://127.0.0.1:" + port).as(alice.memberId(), alice.tenantId());
        anonymous = ApiClient.at("http://127.0.0.1:" + port);
    }

    private String scheduledInterview(String contactName, int inDays) {
        String contact = knownContact(producer, api, alice, contactName, "America/New_York");
        String start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(inDays)).plus(Duration.ofHours(9)).toString();
        String id = api.post("/api/interviews", proposal(contact, start)).text("id");
        assertThat(api.post("/api/interviews/" + id + "/schedule", "{\"start\": \"" + start + "\"}").status()).isEqualTo(200);
        return id;
    }

    @Test
    void anInterviewsIcsIsReadByPythonsIcalendarWithEveryField() throws Exception {
        assumePythonIcalendar();
        String id = scheduledInterview("Ada Lovelace", 15);
        Instant start = Instant.parse(api.get("/api/interviews/" + id).json().path("slot").path("start").asString());

        ApiClient.Response file = api.get("/api/interviews/" + id + "/calendar.ics");
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("text/calendar");
        assertThat(file.header("Content-Disposition")).contains("interview-" + id + ".ics");

        JsonNode parsed = parseWithPython(file.raw().body());
        assertThat(parsed.path("version").asString()).isEqualTo("2.0");
        assertThat(parsed.path("zones").get(0).asString()).isEqualTo("Europe/Berlin");
        JsonNode event = parsed.path("events").get(0);
        assertThat(event.path("uid").asString()).isEqualTo(id + "@rapport.scheduling");
        assertThat(event.path("sequence").asInt()).isZero();
        assertThat(event.path("status").asString()).isEqualTo("TENTATIVE");
        assertThat(event.path("summary").asString()).isEqualTo("Informational interview with Ada Lovelace");
        assertThat(event.path("location").asString()).isEqualTo("https://zoom.us/j/987654321");
        assertThat(event.path("url").asString()).isEqualTo("https://zoom.us/j/987654321");
        assertThat(event.path("description").asString())
                .contains("Objective: Learn how Ada moved from research into product management.");
        assertThat(event.path("tzid").asString()).isEqualTo("Europe/Berlin");
        assertThat(event.path("start").asString()).isEqualTo(start.toString());
        assertThat(event.path("end").asString()).isEqualTo(start.plusSeconds(1800).toString());
        assertThat(LocalDateTime.parse(event.path("localStart").asString()))
                .isEqualTo(LocalDateTime.ofInstant(start, ZoneId.of("Europe/Berlin")));
        assertThat(event.path("alarms").get(0).asString()).isEqualTo("-PT15M");

        String later = start.plus(Duration.ofDays(1)).toString();
        api.post("/api/interviews/" + id + "/reschedule", "{\"start\": \"" + later + "\"}");
        JsonNode moved = parseWithPython(api.get("/api/interviews/" + id + "/calendar.ics").raw().body()).path("events").get(0);
        assertThat(moved.path("uid").asString()).isEqualTo(id + "@rapport.scheduling");
        assertThat(moved.path("sequence").asInt()).isEqualTo(1);
        assertThat(moved.path("start").asString()).isEqualTo(later);

        api.post("/api/interviews/" + id + "/cancel", "{\"reason\": \"Ada is travelling\"}");
        JsonNode cancelled = parseWithPython(api.get("/api/interviews/" + id + "/calendar.ics").raw().body()).path("events").get(0);
        assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("sequence").asInt()).isEqualTo(2);
    }

    @Test
    void aProposedInterviewHasNoCalendarFileYet() {
        String contact = knownContact(producer, api, alice, "Not Yet", "Europe/Berlin");
        String id = api.post("/api/interviews", proposal(contact, Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES).toString())).text("id");

        ApiClient.Response file = api.get("/api/interviews/" + id + "/calendar.ics");
        assertThat(file.status()).isEqualTo(409);
        assertThat(file.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theFeedOpensWithItsTokenAloneShowsOnlyTheOwnersInterviewsAndStopsWhenRevoked() throws Exception {
        String mine = scheduledInterview("Grace Hopper", 16);
        ApiClient bob = ApiClient.at("http://127.0.0.1:" + port).as("bob", alice.tenantId());
        String bobsContact = knownContact(producer, bob, new Member("bob", alice.tenantId()), "Bob's Contact", "Europe/Paris");
        String bobsStart = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(16)).plus(Duration.ofHours(9)).toString();
        String bobs = bob.post("/api/interviews", proposal(bobsContact, bobsStart)).text("id");
        bob.post("/api/interviews/" + bobs + "/schedule", "{\"start\": \"" + bobsStart + "\"}");

        ApiClient.Response created = api.post("/api/calendar/feeds", "");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String url = created.text("url");
        assertThat(url).matches("/api/calendar/feeds/[A-Za-z0-9_-]{43}\\.ics");

        ApiClient.Response feed = anonymous.get(url);
        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        assertThat(uids(feed.raw().body())).containsExactly(mine + "@rapport.scheduling");

        ApiClient.Response spoofed = ApiClient.at("http://127.0.0.1:" + port).as("bob", alice.tenantId()).get(url);
        assertThat(uids(spoofed.raw().body()))
                .as("the token decides whose feed it is, not the headers").containsExactly(mine + "@rapport.scheduling");

        ApiClient.Response guessed = anonymous.get("/api/calendar/feeds/" + "A".repeat(43) + ".ics");
        assertThat(guessed.status()).isEqualTo(404);
        assertThat(guessed.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.get("/api/calendar/feeds/short.ics").status()).isEqualTo(404);
        assertThat(anonymous.get("/api/calendar/feeds").status()).as("listing feeds needs the member").isEqualTo(401);

        assertThat(api.get("/api/calendar/feeds").json().findValuesAsString("id")).containsExactly(created.text("id"));
        assertThat(bob.delete("/api/calendar/feeds/" + created.text("id")).status()).as("not bob's feed").isEqualTo(404);
        assertThat(api.delete("/api/calendar/feeds/" + created.text("id")).status()).isEqualTo(204);
        ApiClient.Response revoked = anonymous.get(url);
        assertThat(revoked.status()).isEqualTo(404);
        assertThat(revoked.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theFeedIsReadByPythonsIcalendar() throws Exception {
        assumePythonIcalendar();
        String first = scheduledInterview("Katherine Johnson", 17);
        String second = scheduledInterview("Dorothy Vaughan", 18);
        String url = api.post("/api/calendar/feeds", "").text("url");

        JsonNode parsed = parseWithPython(anonymous.get(url).raw().body());

        assertThat(parsed.path("version").asString()).isEqualTo("2.0");
        assertThat(parsed.path("events").findValuesAsString("uid"))
                .containsExactlyInAnyOrder(first + "@rapport.scheduling", second + "@rapport.scheduling");
    }

    /** The UID of every event, read from the text (lines unfolded as RFC 5545 says). */
    private static List<String> uids(String ics) {
        return ics.replace("\r\n ", "").replace("\r\n\t", "").lines()
                .filter(line -> line.startsWith("UID:"))
                .map(line -> line.substring("UID:".length()))
                .toList();
    }

    private static void assumePythonIcalendar() {
        Assumptions.assumeTrue(PYTHON_READS_ICALENDAR, PYTHON + " cannot import icalendar, so calendar files are not read"
                + " by an outside client here: apt-get install python3-icalendar (.ci/run does)");
    }

    private static boolean pythonImportsIcalendar() {
        try {
            Process python = new ProcessBuilder(PYTHON, "-c", "import icalendar").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return python.waitFor(30, TimeUnit.SECONDS) && python.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static JsonNode parseWithPython(String ics) throws IOException, InterruptedException {
        Path script = Files.createTempFile("parse_ics", ".py");
        try (InputStream source = CalendarIT.class.getResourceAsStream("/parse_ics.py")) {
            Files.write(script, source.readAllBytes());
        }
        try {
            Process python = new ProcessBuilder(PYTHON, script.toString()).redirectErrorStream(false).start();
            python.getOutputStream().write(ics.getBytes(StandardCharsets.UTF_8));
            python.getOutputStream().close();
            String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(python.exitValue()).as("python3-icalendar failed: " + err).isZero();
            return JSON.readTree(out);
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
