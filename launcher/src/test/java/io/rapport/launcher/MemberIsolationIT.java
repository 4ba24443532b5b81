package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No member ever sees another member's data, in any service, through the front door: alice builds
 * up records in every service; bob (same organization) and an "alice" of another organization get
 * 404 for each of them — never 403, so ids cannot be probed — and their lists stay empty.
 */
class MemberIsolationIT {

    private static EmbeddedSystem system;
    private static GatewayClient university;
    private static GatewayClient otherOrganization;
    private static final Map<String, String> ALICES = new LinkedHashMap<>();

    @BeforeAll
    static void aliceBuildsUpHerRecords() throws IOException {
        LaunchSettings settings = LaunchSettings.defaults()
                .withRepoRoot(Path.of("..").toAbsolutePath().normalize())
                .withDataDir(Files.createDirectories(Path.of("target", "isolation-data").toAbsolutePath()))
                .withReset(true);
        List<Integer> ports = FreePorts.take(PortName.values().length);
        for (PortName name : PortName.values()) {
            settings = settings.withPort(name, ports.get(name.ordinal()));
        }
        system = EmbeddedSystem.start(settings, System.out::println);
        university = new GatewayClient(system.gatewayUri(), "state-university-" + UUID.randomUUID());
        otherOrganization = new GatewayClient(system.gatewayUri(), "city-college-" + UUID.randomUUID());

        String contact = created(university.post("/api/contacts", "alice",
                "{\"name\": \"Grace Hopper\", \"email\": \"grace@example.org\", \"employer\": \"US Navy\", \"source\": \"alumni\"}"));
        ALICES.put("contact", "/api/contacts/" + contact);
        ALICES.put("contact's outreach log", "/api/contacts/" + contact + "/outreach");
        ALICES.put("contact's referrals", "/api/contacts/" + contact + "/referrals");
        ALICES.put("employer", "/api/employers/" + created(university.post("/api/employers", "alice",
                "{\"name\": \"US Navy\", \"motivation\": 3, \"posting\": 2}")));
        ALICES.put("template", "/api/templates/" + created(university.post("/api/templates", "alice",
                "{\"name\": \"First ask\", \"channel\": \"email\", \"body\": \"Hello {{firstName}}, would you have 20 minutes?\"}")));
        assertThat(university.post("/api/contacts/" + contact + "/outreach", "alice",
                "{\"channel\": \"email\", \"text\": \"Hello Grace, would you have 20 minutes for my questions?\"}").status())
                .isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                university.get("/api/scheduling/contacts/" + contact, "alice").status() == 200);
        ALICES.put("scheduling's copy of the contact", "/api/scheduling/contacts/" + contact);
        String start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
        String interview = created(university.post("/api/interviews", "alice", """
                {"contactId": "%s", "objective": "Learn how a naval research career starts.",
                 "slots": [{"start": "%s", "minutes": 30}],
                 "format": {"kind": "VIDEO", "platform": "ZOOM", "link": "https://zoom.example/j/1"},
                 "memberTimeZone": "Europe/Berlin", "contactTimeZone": "America/New_York"}
                """.formatted(contact, start)));
        assertThat(university.post("/api/interviews/" + interview + "/schedule", "alice", "{\"start\": \"" + start + "\"}").status())
                .isEqualTo(200);
        ALICES.put("interview", "/api/interviews/" + interview);
        ALICES.put("interview's calendar file", "/api/interviews/" + interview + "/calendar.ics");
        ALICES.put("interview's question plan", "/api/interviews/" + interview + "/question-plan");

        // notes-service learns alice's interview from scheduling's events: a write under it is a 404 until then.
        await().atMost(Duration.ofSeconds(30)).until(() -> university.put("/api/notes/" + interview + "/preparation", "alice",
                "{\"industry\": \"Defense research\", \"organization\": \"US Navy\", \"person\": \"Computing pioneer\"}").status()
                == 200);
        ALICES.put("interview's notes", "/api/notes/" + interview);
        ALICES.put("goal", "/api/goals/" + created(university.post("/api/goals", "alice",
                "{\"title\": \"Learn COBOL basics\", \"metric\": \"lessons\", \"target\": 10, \"dueOn\": \"2027-03-31\"}")));

        // The outreach and the scheduled interview give alice reminders.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                university.get("/api/reminders/export", "alice").json().path("reminders").size() >= 2);
        ALICES.put("reminder", "/api/reminders/" + university.get("/api/reminders/export", "alice").json()
                .path("reminders").get(0).path("id").asText());
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aliceCanReadEveryOneOfHerRecords() {
        ALICES.forEach((what, path) -> assertThat(university.get(path, "alice").status()).as(what + " " + path).isEqualTo(200));
    }

    @Test
    void anotherMemberGetsNotFoundForEachOfAlicesRecords() {
        ALICES.forEach((what, path) -> {
            GatewayClient.Response bob = university.get(path, "bob");
            assertThat(bob.status()).as("bob reading alice's " + what + ": " + bob).isEqualTo(404);
        });
    }

    @Test
    void theSameMemberIdInAnotherOrganizationGetsNotFoundToo() {
        ALICES.forEach((what, path) -> assertThat(otherOrganization.get(path, "alice").status())
                .as("another organization's alice reading " + what).isEqualTo(404));
    }

    @Test
    void anotherMemberCannotChangeOrDeleteAlicesRecords() {
        assertThat(university.put(ALICES.get("contact"), "bob", "{\"name\": \"Hijacked\"}").status()).isEqualTo(404);
        assertThat(university.delete(ALICES.get("employer"), "bob").status()).isEqualTo(404);
        assertThat(university.delete(ALICES.get("template"), "bob").status()).isEqualTo(404);
        assertThat(university.post(ALICES.get("interview") + "/cancel", "bob", "{\"reason\": \"not mine\"}").status()).isEqualTo(404);
        assertThat(university.post(ALICES.get("goal") + "/progress", "bob", "{\"value\": 5}").status()).isEqualTo(404);
        assertThat(university.post(ALICES.get("reminder") + "/dismiss", "bob", null).status()).isEqualTo(404);
        assertThat(university.get(ALICES.get("contact"), "alice").text("name")).isEqualTo("Grace Hopper");
        assertThat(university.get(ALICES.get("interview"), "alice").text("status")).isEqualTo("SCHEDULED");
    }

    @Test
    void anotherMembersListsShowNoneOfAlicesItems() {
        for (String list : List.of("/api/contacts", "/api/employers", "/api/templates", "/api/scheduling/contacts",
                "/api/interviews", "/api/notes", "/api/goals", "/api/outreach/responders", "/api/reminders",
                "/api/reminders/export", "/api/me/export", "/api/profile/export")) {
            GatewayClient.Response bobs = university.get(list, "bob");
            assertThat(bobs.status()).as(list).isEqualTo(200);
            assertThat(bobs.raw().body()).as(list).doesNotContain("Grace", "US Navy", "COBOL", "naval");
        }
        assertThat(university.get("/api/synthesis/export.md", "bob").raw().body()).doesNotContain("Defense research");
    }

    /** Header spoofing: any process that reaches a service's port, sending alice's ids in plain headers, gets a 401. */
    @Test
    void alicesIdsInPlainHeadersOpenNoneOfHerRecordsAtTheServicesThemselves() {
        ALICES.forEach((what, path) -> {
            GatewayClient direct = new GatewayClient(system.serviceUri(owningService(path)), university.tenant());
            GatewayClient.Response spoofed = direct.call("GET", path, null,
                    Map.of("X-Member-Id", "alice", "X-Tenant-Id", university.tenant()), null);
            assertThat(spoofed.status()).as("alice's " + what + " at " + owningService(path) + " directly: " + spoofed).isEqualTo(401);
            assertThat(spoofed.raw().body()).doesNotContain("Grace", "US Navy", "COBOL", "naval");
        });
    }

    /** The service behind a path, as the gateway routes it. */
    private static String owningService(String path) {
        if (path.startsWith("/api/scheduling/") || path.startsWith("/api/interviews/") || path.startsWith("/api/calendar/")) {
            return "scheduling";
        }
        if (path.startsWith("/api/notes/") || path.startsWith("/api/goals/") || path.startsWith("/api/synthesis/")) {
            return "notes";
        }
        if (path.startsWith("/api/reminders/")) {
            return "reminders";
        }
        return "contacts";
    }

    private static String created(GatewayClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("id");
    }
}
