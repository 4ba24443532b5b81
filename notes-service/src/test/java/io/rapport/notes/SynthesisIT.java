package io.rapport.notes;

import static io.rapport.notes.NotesFixture.entry;
import static io.rapport.notes.NotesFixture.notes;
import static io.rapport.test.EventsOnTopic.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.NoteRecorded;
import io.rapport.events.Topics;
import io.rapport.platform.messaging.CloudEventHeaders;
import io.rapport.test.ApiClient;
import io.rapport.test.EventsOnTopic;
import io.rapport.test.ServiceIntegrationTest;
import io.rapport.test.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** The synthesis across interviews: kept up to date on NoteRecorded, with skill gaps, views and the mentor export. */
@ServiceIntegrationTest
class SynthesisIT {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    private NotesFixture fixture;
    private ApiClient alice;
    private EventsOnTopic events;

    @BeforeEach
    void setUp() {
        fixture = new NotesFixture(port, producer);
        alice = fixture.api;
        events = new EventsOnTopic(kafka, Topics.NOTES);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void everyNoteRecordedBringsTheSynthesisUpToDateAndAnnouncesIt() {
        threeInterviews();

        ConsumerRecord<String, byte[]> updated = events.await(record -> synthesisOfThisMember(record)
                && payload(record).contains("\"interviewCount\":3"), Duration.ofSeconds(30));
        assertThat(updated.key()).isEqualTo("alice");
        assertThat(payload(updated)).contains("\"memberId\":\"alice\"");
        // what an advisor the member shares their synthesis with receives: anonymized, nothing said in confidence
        assertThat(payload(updated)).contains("\"shared\":{\"interviewCount\":3", "\"category\":\"skills\"", "sql")
                .doesNotContain("Dana", "Reyes", "Acme", "Globex", "layoffs");

        JsonNode synthesis = alice.get("/api/synthesis").json();
        assertThat(synthesis.path("interviewCount").asInt()).isEqualTo(3);
        JsonNode topSkill = synthesis.path("themes").path("SKILLS").get(0);
        assertThat(topSkill.path("key").asString()).isEqualTo("sql");
        assertThat(topSkill.path("interviewCount").asInt()).isEqualTo(3);
        assertThat(topSkill.path("singlePerspective").asBoolean()).isFalse();
        assertThat(topSkill.path("entries").size()).isEqualTo(3);
        assertThat(synthesis.path("themes").path("CULTURE").get(0).path("singlePerspective").asBoolean()).isTrue();
    }

    @Test
    void aRedeliveredNoteRecordedAnnouncesNoSecondUpdate() {
        String interviewId = fixture.holdInterview(Instant.now());
        String eventId = "note-" + UUID.randomUUID();
        NoteRecorded recorded = new NoteRecorded(interviewId, "contact-" + interviewId, 0, List.of(), Instant.now(), null);
        fixture.send(TestEvents.record(recorded, fixture.member, eventId));
        fixture.send(TestEvents.record(recorded, fixture.member, eventId));
        String marker = "note-" + UUID.randomUUID();
        fixture.send(TestEvents.record(recorded, fixture.member, marker));

        await().atMost(Duration.ofSeconds(30)).until(() -> events.readFor(Duration.ofMillis(200)).stream()
                .filter(this::synthesisOfThisMember).count() >= 2);
        assertThat(events.readFor(Duration.ofMillis(500))).filteredOn(this::synthesisOfThisMember).hasSize(2);
    }

    @Test
    void skillGapsAreTheSkillThemesTheMemberDoesNotHave() {
        threeInterviews();
        ApiClient.Response profile = alice.put("/api/profile",
                "{\"skills\": [\"Python\", \"Excel\"], \"targetRoles\": [\"Data Analyst\"], \"industries\": [\"Fintech\"]}");
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);

        List<String> gaps = alice.get("/api/synthesis/skill-gaps").json().findValuesAsString("key");

        assertThat(gaps).contains("sql").doesNotContain("python");
        assertThat(alice.put("/api/profile", "{\"skills\": [\"\"]}").status()).isEqualTo(400);
        assertThat(alice.get("/api/profile").json().path("targetRoles").get(0).asString()).isEqualTo("Data Analyst");
    }

    @Test
    void viewsByEmployerAndRolePutPerspectivesSideBySide() {
        threeInterviews();

        JsonNode byEmployer = alice.get("/api/synthesis/by-employer").json();
        JsonNode byRole = alice.get("/api/synthesis/by-role").json();

        assertThat(byEmployer.findValuesAsString("name")).containsExactly("Acme", "Globex");
        assertThat(byEmployer.get(0).path("interviews").size()).isEqualTo(2);
        assertThat(byEmployer.get(0).path("interviews").findValuesAsString("contactName")).containsExactlyInAnyOrder("Dana Reyes", "Sam Ortiz");
        assertThat(byRole.findValuesAsString("name")).containsExactly("Analyst", "Engineer");
    }

    @Test
    void theMentorExportIsAnonymizedMarkdownWithEmployersHiddenUnlessTheMemberOptsIn() {
        threeInterviews();

        ApiClient.Response export = alice.get("/api/synthesis/export.md");
        ApiClient.Response shown = alice.get("/api/synthesis/export.md?showEmployers=true");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/markdown");
        assertThat(export.raw().body()).startsWith("# What I learned from 3 informational interviews")
                .contains("Interviewee A", "Interviewee C", "Analyst at Employer 1")
                .as("role plus employer can identify a person: employers are hidden by default")
                .doesNotContain("Acme", "Globex")
                .doesNotContain("Dana", "Reyes", "Lee", "Park", "Sam", "Ortiz", "layoffs");
        assertThat(shown.raw().body()).contains("Analyst at Acme", "Globex")
                .doesNotContain("Employer 1", "Dana", "Reyes", "layoffs");
    }

    private void threeInterviews() {
        record("Dana Reyes", "Acme", "Analyst", entry("skills", "SQL every day, mostly joins", false) + ","
                + entry("culture", "Fast feedback, small teams", false) + ","
                + entry("challenges", "Rumour of layoffs next quarter", true));
        record("Lee Park", "Globex", "Engineer", entry("skills", "You cannot avoid SQL", false));
        record("Sam Ortiz", "Acme", "Analyst", entry("skills", "Strong SQL and Python", false));
    }

    private void record(String name, String employer, String role, String entries) {
        String interviewId = fixture.holdInterview(Instant.now());
        ApiClient.Response saved = alice.put("/api/notes/" + interviewId, notes(name, employer, role, "GRANTED", entries));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    private boolean synthesisOfThisMember(ConsumerRecord<String, byte[]> record) {
        return "SynthesisUpdated".equals(header(record, CloudEventHeaders.TYPE))
                && fixture.member.tenantId().equals(header(record, CloudEventHeaders.TENANT));
    }

    private static String payload(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
