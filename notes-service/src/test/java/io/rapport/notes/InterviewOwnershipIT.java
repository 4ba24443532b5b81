package io.rapport.notes;

import static io.rapport.notes.NotesFixture.entry;
import static io.rapport.notes.NotesFixture.notes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.Events;
import io.rapport.events.InterviewProposed;
import io.rapport.platform.domain.Member;
import io.rapport.test.ApiClient;
import io.rapport.test.ServiceIntegrationTest;
import io.rapport.test.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Every write under an interview id needs that interview among the caller's own, as scheduling announced them:
 * another member's interview, or one never announced, is a 404 and stores nothing.
 */
@ServiceIntegrationTest
class InterviewOwnershipIT {

    private static final String PREPARATION =
            "{\"industry\": \"Fintech is consolidating\", \"organization\": \"Acme raised a series B\"}";

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    @Test
    void writesUnderAnotherMembersInterviewAreNotFoundAndStoreNothing() {
        NotesFixture bob = new NotesFixture(port, producer, "bob");
        String bobsInterview = bob.holdInterview(Instant.now());
        ApiClient alice = ApiClient.at("http://127.0.0.1:" + port).as("alice", bob.member.tenantId());
        String base = "/api/notes/" + bobsInterview;

        List<ApiClient.Response> writes = List.of(
                alice.put(base + "/preparation", PREPARATION),
                alice.put(base, notes("Dana Reyes", "Acme", "Analyst", "GRANTED", entry("skills", "SQL", false))),
                alice.post(base + "/action-items", "{\"text\": \"Send the portfolio\", \"dueOn\": \"2026-12-01\"}"),
                alice.post(base + "/referrals", "{\"name\": \"Lin Chen\", \"mayUseReferrerName\": true}"),
                alice.get(base + "/thank-you"),
                alice.put(base + "/thank-you", "{\"text\": \"Dear Dana, thank you!\"}"),
                alice.post(base + "/thank-you/sent", "{\"channel\": \"email\"}"),
                alice.put("/api/notes/iv-never-announced-" + UUID.randomUUID() + "/preparation", PREPARATION));

        assertThat(writes).allSatisfy(response -> {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        });
        assertThat(alice.get("/api/notes").json().size()).as("nothing stored for alice").isZero();
        assertThat(alice.get("/api/profile/export").json().path("notes").size()).isZero();
        assertThat(bob.api.get(base).json().path("preparation").toString()).as("bob's record untouched")
                .doesNotContain("Acme raised a series B");
        assertThat(bob.api.get(base).json().path("entries").size()).isZero();
    }

    @Test
    void aMemberPreparesForAProposedInterviewAndTakesNotesOnceItIsHeld() {
        NotesFixture alice = new NotesFixture(port, producer);
        String interviewId = "iv-" + UUID.randomUUID();
        alice.send(TestEvents.record(new InterviewProposed(interviewId, "contact-" + interviewId,
                "Learn how Dana moved into analytics.", List.of(new Events.Slot(Instant.now().plus(Duration.ofDays(3)), 30)),
                new Events.Format("VIDEO", null, null, "ZOOM", "https://zoom.us/j/1"), "Europe/Berlin", "UTC"),
                alice.member));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                alice.api.put("/api/notes/" + interviewId + "/preparation", PREPARATION).status() == 200);
        ApiClient.Response early = alice.api.put("/api/notes/" + interviewId,
                notes("Dana Reyes", "Acme", "Analyst", "GRANTED", entry("skills", "SQL", false)));
        assertThat(early.status()).as("known, but not held yet: " + early).isEqualTo(409);

        alice.send(TestEvents.record(NotesFixture.held(interviewId, Instant.now()), alice.member));
        alice.awaitHeld(interviewId);
        assertThat(alice.api.put("/api/notes/" + interviewId,
                notes("Dana Reyes", "Acme", "Analyst", "GRANTED", entry("skills", "SQL", false))).status()).isEqualTo(200);
        assertThat(alice.api.get("/api/notes/" + interviewId).json().path("preparation").path("organization").asString())
                .isEqualTo("Acme raised a series B");
    }

    @Test
    void anotherMemberOfTheSameIdInAnotherTenantIsAnotherMember() {
        NotesFixture alice = new NotesFixture(port, producer);
        String interviewId = alice.holdInterview(Instant.now());
        Member sameIdElsewhere = new Member(alice.member.memberId(), "uni-" + UUID.randomUUID());
        ApiClient elsewhere = ApiClient.at("http://127.0.0.1:" + port).as(sameIdElsewhere.memberId(),
                sameIdElsewhere.tenantId());

        assertThat(elsewhere.put("/api/notes/" + interviewId + "/preparation", PREPARATION).status()).isEqualTo(404);
    }
}
