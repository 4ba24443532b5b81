package io.rapport.notes;

import static io.rapport.notes.NotesFixture.entry;
import static io.rapport.notes.NotesFixture.notes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.MemberDataErased;
import io.rapport.test.ApiClient;
import io.rapport.test.ServiceIntegrationTest;
import io.rapport.test.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** A member exports all of their notes data as JSON, and MemberDataErased deletes all of it, once or twice. */
@ServiceIntegrationTest
class MemberDataIT {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    @Test
    void exportsEverythingThenErasesItIdempotentlyLeavingOtherMembersAlone() {
        NotesFixture alice = new NotesFixture(port, producer);
        String interviewId = alice.holdInterview(Instant.now());
        alice.api.put("/api/notes/" + interviewId, notes("Dana Reyes", "Acme", "Analyst", "GRANTED", entry("skills", "SQL", false)));
        alice.api.put("/api/profile", "{\"skills\": [\"Python\"]}");
        alice.api.post("/api/goals", "{\"title\": \"Learn SQL\", \"metric\": \"lessons\", \"target\": 10, \"dueOn\": \"2026-12-31\"}");
        ApiClient bob = ApiClient.at("http://127.0.0.1:" + port).as("bob", alice.member.tenantId());
        bob.put("/api/profile", "{\"skills\": [\"Go\"]}");

        JsonNode export = alice.api.get("/api/profile/export").json();
        assertThat(export.path("memberId").asString()).isEqualTo("alice");
        assertThat(export.path("notes").get(0).path("contactName").asString()).isEqualTo("Dana Reyes");
        assertThat(export.path("notes").get(0).path("entries").get(0).path("text").asString()).isEqualTo("SQL");
        assertThat(export.path("goals").get(0).path("title").asString()).isEqualTo("Learn SQL");
        assertThat(export.path("profile").path("skills").get(0).asString()).isEqualTo("Python");

        String eventId = "erase-" + UUID.randomUUID();
        alice.send(TestEvents.record(new MemberDataErased("alice", Instant.now()), alice.member, eventId));
        alice.send(TestEvents.record(new MemberDataErased("alice", Instant.now()), alice.member, eventId));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode after = alice.api.get("/api/profile/export").json();
            assertThat(after.path("notes").size()).isZero();
            assertThat(after.path("goals").size()).isZero();
            assertThat(after.path("profile").path("skills").size()).isZero();
        });
        assertThat(alice.api.get("/api/notes/" + interviewId).status()).isEqualTo(404);
        assertThat(alice.api.get("/api/synthesis").json().path("interviewCount").asInt()).isZero();
        assertThat(bob.get("/api/profile").json().path("skills").get(0).asString()).isEqualTo("Go");
    }

    @Test
    void anInterviewHeldFromBeforeTheErasureRedeliveredAfterItBringsNothingBack() {
        NotesFixture alice = new NotesFixture(port, producer);
        String interviewId = "iv-" + UUID.randomUUID();
        String heldEventId = UUID.randomUUID().toString();
        Instant heldAt = Instant.now();
        alice.send(TestEvents.record(NotesFixture.held(interviewId, heldAt), alice.member, heldEventId, heldAt));
        alice.awaitHeld(interviewId);

        Instant erasedAt = Instant.now();
        alice.send(TestEvents.record(new MemberDataErased("alice", erasedAt), alice.member, "erase-" + UUID.randomUUID(),
                erasedAt));
        await().atMost(Duration.ofSeconds(30)).until(() -> alice.api.get("/api/notes/" + interviewId).status() == 404);

        alice.send(TestEvents.record(NotesFixture.held(interviewId, heldAt), alice.member, heldEventId, heldAt));
        // An interview held after the erasure is hers: once it is known, the replay before it has been handled.
        String after = alice.holdInterview(Instant.now());

        assertThat(alice.api.get("/api/notes").json().findValuesAsString("interviewId")).containsExactly(after);
        assertThat(alice.api.put("/api/notes/" + interviewId + "/preparation", "{}").status())
                .as("the erased interview is not hers to write under any more").isEqualTo(404);
    }
}
