package io.rapport.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.InterviewHeld;
import io.rapport.platform.domain.Member;
import io.rapport.test.ApiClient;
import io.rapport.test.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/** What the integration tests share: a fresh member, and interviews held through scheduling's event. */
final class NotesFixture {

    final Member member;
    final ApiClient api;
    private final KafkaTemplate<String, byte[]> producer;

    NotesFixture(int port, KafkaTemplate<String, byte[]> producer) {
        this(port, producer, "alice");
    }

    NotesFixture(int port, KafkaTemplate<String, byte[]> producer, String memberId) {
        this.member = new Member(memberId, "uni-" + UUID.randomUUID());
        this.api = ApiClient.at("http://127.0.0.1:" + port).as(member.memberId(), member.tenantId());
        this.producer = producer;
    }

    static InterviewHeld held(String interviewId, Instant endedAt) {
        return new InterviewHeld(interviewId, "contact-" + interviewId, endedAt.minus(Duration.ofMinutes(35)), 30, 35,
                true, endedAt);
    }

    void send(ProducerRecord<String, byte[]> record) {
        producer.send(record).join();
    }

    /** Scheduling reports the interview held; returns once notes knows it. */
    String holdInterview(Instant endedAt) {
        String interviewId = "iv-" + UUID.randomUUID();
        send(TestEvents.record(held(interviewId, endedAt), member));
        awaitHeld(interviewId);
        return interviewId;
    }

    void awaitHeld(String interviewId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/api/notes/" + interviewId).json().path("held").asBoolean()).isTrue());
    }

    static String notes(String contactName, String employer, String role, String consent, String entries) {
        return """
                {"contactName": "%s", "employer": "%s", "role": "%s", "consent": "%s", "entries": [%s],
                 "takeaways": ["Product analytics is learned on the job"], "advice": "take the SQL course this month"}
                """.formatted(contactName, employer, role, consent, entries);
    }

    static String entry(String category, String text, boolean sensitive) {
        return "{\"category\": \"%s\", \"text\": \"%s\", \"sensitive\": %s}".formatted(category, text, sensitive);
    }
}
