package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ./rapport run --demo} gives a newcomer a member worth looking at, made only through the public API. */
class DemoMemberIT {

    private static EmbeddedSystem system;
    private static GatewayClient demo;
    private static Map<String, Integer> made;

    @BeforeAll
    static void startAndLoad() throws IOException {
        LaunchSettings settings = LaunchSettings.defaults()
                .withRepoRoot(Path.of("..").toAbsolutePath().normalize())
                .withDataDir(Files.createDirectories(Path.of("target", "demo-data").toAbsolutePath()))
                .withReset(true);
        List<Integer> ports = FreePorts.take(PortName.values().length);
        for (PortName name : PortName.values()) {
            settings = settings.withPort(name, ports.get(name.ordinal()));
        }
        system = EmbeddedSystem.start(settings, System.out::println);
        made = new DemoMember(system.gatewayUri(), System.out::println).load();
        new DemoOrganization(system.gatewayUri(), System.out::println).load();
        demo = new GatewayClient(system.gatewayUri(), DemoMember.TENANT);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aDozenContactsAcrossEmployersAndStagesIncludingTheReferral() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode contacts = demo.get("/api/contacts?limit=100", DemoMember.MEMBER).json().path("items");
            assertThat(contacts.size()).isEqualTo(12);
            assertThat(contacts.findValuesAsText("name")).contains("Nadia Osei");
            assertThat(contacts.findValuesAsText("stage")).contains("INTERVIEWED", "SCHEDULED", "DECLINED", "OUTREACH_SENT", "IDENTIFIED");
        });
        assertThat(demo.get("/api/employers?top=5", DemoMember.MEMBER).raw().body()).contains("Northwind Health");
        assertThat(made).containsEntry("interviews held", 3);
    }

    @Test
    void interviewsPastAndUpcoming() {
        String interviews = demo.get("/api/interviews?limit=50", DemoMember.MEMBER).raw().body();

        assertThat(interviews).contains("\"HELD\"", "\"CONFIRMED\"", "\"PROPOSED\"");
    }

    @Test
    void theSynthesisShowsThemesSupportedBySeveralInterviews() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(demo.get("/api/synthesis", DemoMember.MEMBER).raw().body()).containsIgnoringCase("stakehold"));
        assertThat(demo.get("/api/synthesis/export.md", DemoMember.MEMBER).raw().body())
                .doesNotContain("Priya", "Marcus", "Elena", "reorganization");
    }

    @Test
    void remindersFollowFromTheEventsAndSomeAreAlreadyDue() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode inbox = demo.get("/api/reminders", DemoMember.MEMBER).json();
            assertThat(inbox.path("overdue").size() + inbox.path("due").size()).as("due or overdue").isPositive();
            assertThat(inbox.path("upcoming").size()).isPositive();
            assertThat(inbox.toString()).contains("Send Elena the article");
        });
    }

    @Test
    void theOrganizationHasAnAdvisorWithACaseloadAndFiguresWithASuppressedCohort() {
        GatewayClient advisor = demo.as("advisor");
        GatewayClient admin = demo.as("admin");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode caseload = advisor.get("/api/insights/advisor/caseload", DemoOrganization.ADVISOR).json().path("members");
            assertThat(caseload.findValuesAsText("memberId")).containsExactly(DemoMember.MEMBER);
            JsonNode figures = admin.get("/api/insights/admin/figures", DemoOrganization.ADMIN).json();
            assertThat(figures.path("total").path("ACTIVE_MEMBERS").asInt()).isEqualTo(DemoOrganization.PEERS + 1);
            for (JsonNode cohort : figures.path("cohorts")) {
                if (cohort.path("name").asText().equals("Class of 2026")) {
                    assertThat(cohort.path("figures").path("ACTIVE_MEMBERS").asInt()).isEqualTo(DemoOrganization.PEERS + 1);
                } else {
                    assertThat(cohort.path("figures").size()).as("MBA: 5 of 8, the other 3 would be given away").isZero();
                }
            }
        });
        assertThat(demo.get("/api/insights/volunteers", DemoMember.MEMBER).json().size()).isEqualTo(2);
    }
}
