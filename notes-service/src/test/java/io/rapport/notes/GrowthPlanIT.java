package io.rapport.notes;

import static io.rapport.test.EventsOnTopic.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.events.Topics;
import io.rapport.test.ApiClient;
import io.rapport.test.EventsOnTopic;
import io.rapport.test.ServiceIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

/** Goals with metrics and due dates; the due date is announced so reminders see it; the quarterly review. */
@ServiceIntegrationTest
class GrowthPlanIT {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    @Test
    void aGoalAnnouncesItsDueDateTracksProgressAndShowsInTheReviewWhenBehind() {
        ApiClient alice = new NotesFixture(port, producer).api;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);

        ApiClient.Response created = alice.post("/api/goals", """
                {"title": "Get fluent in SQL", "themes": ["sql"], "metric": "practice problems solved",
                 "target": 50, "dueOn": "%s", "quarter": "%s"}
                """.formatted(today.minusDays(1), quarter));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String goalId = created.text("id");

        try (EventsOnTopic events = new EventsOnTopic(kafka, Topics.NOTES)) {
            ConsumerRecord<String, byte[]> due = events.await(ofType("ActionItemCreated", created.text("actionItemId")),
                    Duration.ofSeconds(20));
            assertThat(new String(due.value(), StandardCharsets.UTF_8))
                    .contains("\"goalId\":\"" + goalId + "\"", "\"dueOn\":\"" + today.minusDays(1) + "\"", "Get fluent in SQL");
        }

        ApiClient.Response progressed = alice.post("/api/goals/" + goalId + "/progress", "{\"value\": 20, \"note\": \"Week 3\"}");
        assertThat(progressed.status()).as(progressed.toString()).isEqualTo(200);
        assertThat(progressed.json().path("current").asDouble()).isEqualTo(20.0);

        ApiClient.Response review = alice.get("/api/goals/review?quarter=" + quarter);
        assertThat(review.json().path("behindSchedule").findValuesAsString("id")).containsExactly(goalId);

        alice.post("/api/goals/" + goalId + "/progress", "{\"value\": 50}");
        assertThat(alice.get("/api/goals/review?quarter=" + quarter).json().path("behindSchedule").size()).isZero();
    }

    @Test
    void badGoalsAreRefusedWithTheFieldAndOthersGoalsAreNotFound() {
        NotesFixture fixture = new NotesFixture(port, producer);
        ApiClient alice = fixture.api;
        ApiClient bob = ApiClient.at("http://127.0.0.1:" + port).as("bob", fixture.member.tenantId());

        ApiClient.Response bad = alice.post("/api/goals", "{\"title\": \"\", \"metric\": \"m\", \"target\": -1, \"dueOn\": \"2026-12-01\", \"quarter\": \"Q9\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field")).contains("title", "target", "quarter");
        assertThat(alice.get("/api/goals").json().size()).isZero();
        assertThat(alice.get("/api/goals/review?quarter=soon").status()).isEqualTo(400);

        String goalId = alice.post("/api/goals", "{\"title\": \"Ten interviews\", \"metric\": \"interviews\", \"target\": 10, \"dueOn\": \"2026-12-31\"}").text("id");
        assertThat(alice.get("/api/goals/" + goalId).text("quarter")).isEqualTo("2026-Q4");
        assertThat(bob.get("/api/goals/" + goalId).status()).isEqualTo(404);
        assertThat(bob.post("/api/goals/" + goalId + "/progress", "{\"value\": 1}").status()).isEqualTo(404);
    }

    @Test
    void numbersOutsideTheirRangeOrOfAnotherTypeAreRefusedNamingTheField() {
        ApiClient alice = new NotesFixture(port, producer).api;
        String goal = "{\"title\": \"Ten interviews\", \"metric\": \"interviews\", \"target\": %s, \"dueOn\": \"2026-12-31\"}";

        for (String target : new String[] {"1e20", "1.7e308", "1000000.5", "0", "\"10\""}) {
            ApiClient.Response refused = alice.post("/api/goals", goal.formatted(target));
            assertThat(refused.status()).as(target + " → " + refused).isEqualTo(400);
            assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("target");
        }
        assertThat(alice.get("/api/goals").json().size()).isZero();

        String goalId = alice.post("/api/goals", goal.formatted("1000000")).text("id");
        for (String value : new String[] {"1e20", "-1", "\"3\""}) {
            ApiClient.Response refused = alice.post("/api/goals/" + goalId + "/progress", "{\"value\": " + value + "}");
            assertThat(refused.status()).as(value + " → " + refused).isEqualTo(400);
            assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("value");
        }
        ApiClient.Response longNote = alice.post("/api/goals/" + goalId + "/progress",
                "{\"value\": 1, \"note\": \"" + "x".repeat(1001) + "\"}");
        assertThat(longNote.status()).isEqualTo(400);
        assertThat(longNote.json().path("errors").findValuesAsString("field")).containsExactly("note");
        assertThat(alice.get("/api/goals/" + goalId).json().path("progress").size()).isZero();
    }

    @Test
    void theApiDocumentShowsTheBoundsOfGoalsAndNotes() {
        ApiClient.Response doc = ApiClient.at("http://127.0.0.1:" + port).get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        var schemas = doc.json().path("components").path("schemas");
        assertThat(schemas.path("GoalRequest").path("properties").path("target").path("maximum").asDouble()).isEqualTo(1_000_000);
        assertThat(schemas.path("GoalRequest").path("properties").path("title").path("maxLength").asInt()).isEqualTo(200);
        assertThat(schemas.path("ThankYouEditRequest").path("properties").path("text").path("maxLength").asInt()).isEqualTo(10_000);
    }
}
