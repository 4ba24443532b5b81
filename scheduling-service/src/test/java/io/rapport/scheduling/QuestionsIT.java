package io.rapport.scheduling;

import static io.rapport.scheduling.SchedulingTestSupport.knownContact;
import static io.rapport.scheduling.SchedulingTestSupport.proposal;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.domain.Member;
import io.rapport.test.ApiClient;
import io.rapport.test.ServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** The question bank and question plans over HTTP. */
@ServiceIntegrationTest
class QuestionsIT {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    private Member alice;
    private ApiClient api;
    private ApiClient bob;

    @BeforeEach
    void setUp() {
        alice = new Member("alice", "uni-" + UUID.randomUUID());
        api = ApiClient.at("http://127.0.0.1:" + port).as(alice.memberId(), alice.tenantId());
        bob = ApiClient.at("http://127.0.0.1:" + port).as("bob", alice.tenantId());
    }

    @Test
    void theBankOffersTheSeedsByCategoryAndTiaraAndKeepsAMembersOwnQuestionsToThem() {
        JsonNode all = api.get("/api/questions").json();
        assertThat(all.findValuesAsString("text")).contains("How did you get started in this field?");
        assertThat(api.get("/api/questions?category=career_path").json().findValuesAsString("category"))
                .isNotEmpty().containsOnly("CAREER_PATH");
        assertThat(api.get("/api/questions?tiara=ASSIGNMENTS").json().findValuesAsString("text"))
                .containsExactly("What projects or assignments have been most formative for you?");

        ApiClient.Response added = api.post("/api/questions",
                "{\"text\": \"How do  product managers and engineers split decisions here?\", \"category\": \"day-to-day\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.text("text")).isEqualTo("How do product managers and engineers split decisions here?");
        assertThat(added.json().path("seeded").asBoolean()).isFalse();
        assertThat(api.get("/api/questions?category=DAY_TO_DAY").json().findValuesAsString("id")).contains(added.text("id"));
        assertThat(bob.get("/api/questions").json().findValuesAsString("id")).doesNotContain(added.text("id"));

        ApiClient.Response again = api.post("/api/questions",
                "{\"text\": \"how do product managers and engineers split decisions here\", \"category\": \"SKILLS\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("existingQuestionId")).isEqualTo(added.text("id"));
        ApiClient.Response seedAgain = api.post("/api/questions",
                "{\"text\": \"What do you enjoy most about your role?\", \"category\": \"DAY_TO_DAY\"}");
        assertThat(seedAgain.status()).isEqualTo(409);
        assertThat(seedAgain.text("existingQuestionId")).startsWith("seed-");

        InterviewApiIT.assertFields(api.post("/api/questions", "{\"text\": \" \", \"category\": \"GOSSIP\"}"), "text", "category");
        InterviewApiIT.assertFields(api.get("/api/questions?category=GOSSIP"), "category");
    }

    @Test
    void aPlanDrawsFromTheBankWarnsWhenItOverrunsAndRendersTheQuestionsToSendInAdvance() {
        String contact = knownContact(producer, api, alice, "Ada Lovelace", "America/New_York");
        String start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(9)).plus(Duration.ofHours(15)).toString();
        String id = api.post("/api/interviews", proposal(contact, start)).text("id");
        api.post("/api/interviews/" + id + "/schedule", "{\"start\": \"" + start + "\"}");
        String own = api.post("/api/questions", "{\"text\": \"Which metrics matter most in your team?\", \"category\": \"DAY_TO_DAY\"}").text("id");

        ApiClient.Response plan = api.put("/api/interviews/" + id + "/question-plan", """
                {"items": [
                  {"questionId": "seed-2", "minutes": 5, "sendInAdvance": true},
                  {"questionId": "%s", "minutes": 10},
                  {"text": "What would you do differently if you started today?", "minutes": 10, "sendInAdvance": true}
                ]}""".formatted(own));

        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        assertThat(plan.json().path("items").findValuesAsString("text")).containsExactly(
                "How did you get started in this field?", "Which metrics matter most in your team?",
                "What would you do differently if you started today?");
        assertThat(plan.json().path("totalMinutes").asInt()).isEqualTo(25);
        assertThat(plan.json().path("interviewMinutes").asInt()).isEqualTo(30);
        assertThat(plan.json().path("warnings").size()).isZero();

        ApiClient.Response tooLong = api.put("/api/interviews/" + id + "/question-plan",
                "{\"items\": [{\"questionId\": \"seed-2\", \"minutes\": 20}, {\"questionId\": \"seed-3\", \"minutes\": 15, \"sendInAdvance\": true}]}");
        assertThat(tooLong.status()).isEqualTo(200);
        assertThat(tooLong.json().path("warnings").get(0).asString()).contains("35 minutes", "lasts 30");
        assertThat(api.get("/api/interviews/" + id + "/question-plan").json().path("totalMinutes").asInt()).isEqualTo(35);

        ApiClient.Response advance = api.get("/api/interviews/" + id + "/question-plan/in-advance");
        assertThat(advance.status()).isEqualTo(200);
        assertThat(advance.contentType()).startsWith("text/plain");
        assertThat(advance.raw().body()).startsWith("Hi Ada,")
                .contains("1. What are some challenges you've faced?")
                .doesNotContain("How did you get started")
                .contains("Learn how Ada moved from research into product management");

        InterviewApiIT.assertFields(api.put("/api/interviews/" + id + "/question-plan",
                "{\"items\": [{\"questionId\": \"no-such\"}, {\"text\": \"x\", \"minutes\": 0}, {}]}"),
                "items[0].questionId", "items[1].minutes", "items[2]");
        assertThat(api.get("/api/interviews/" + id + "/question-plan").json().path("totalMinutes").asInt())
                .as("nothing stored").isEqualTo(35);
        assertThat(bob.get("/api/interviews/" + id + "/question-plan").status()).isEqualTo(404);
        assertThat(bob.put("/api/interviews/" + id + "/question-plan", "{\"items\": []}").status()).isEqualTo(404);
    }
}
