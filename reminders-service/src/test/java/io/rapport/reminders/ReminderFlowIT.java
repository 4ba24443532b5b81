package io.rapport.reminders;

import static io.rapport.reminders.Times.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.rapport.events.Events.Format;
import io.rapport.events.InterviewCancelled;
import io.rapport.events.InterviewConfirmed;
import io.rapport.events.InterviewHeld;
import io.rapport.events.InterviewScheduled;
import io.rapport.events.OutreachReplied;
import io.rapport.events.OutreachSent;
import io.rapport.events.ReminderDue;
import io.rapport.events.ThankYouSent;
import io.rapport.events.Topics;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.CloudEventHeaders;
import io.rapport.platform.messaging.EventJson;
import io.rapport.platform.work.BackgroundWorker;
import io.rapport.reminders.reminders.Reminder;
import io.rapport.reminders.reminders.ReminderRule;
import io.rapport.test.ApiClient;
import io.rapport.test.EventsOnTopic;
import io.rapport.test.TestClock;
import io.rapport.test.TestEvents;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** From each incoming event on Kafka to the stored reminder, the delivered e-mail and the published ReminderDue. */
@RemindersServiceTest
class ReminderFlowIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    @Autowired
    TestClock clock;

    @Autowired
    GreenMail smtp;

    @Autowired
    BackgroundWorker delivery;

    private Member member;
    private ApiClient api;
    private String email;

    @BeforeEach
    void newMember() {
        clock.set(at("2026-03-02T08:00", BERLIN));
        member = new Member("ada-" + UUID.randomUUID().toString().substring(0, 8), "uni-" + UUID.randomUUID());
        api = ApiClient.at("http://127.0.0.1:" + port).as(member.memberId(), member.tenantId());
        email = member.memberId() + "@example.com";
    }

    @Test
    void anOutreachBecomesTwoFollowUpsThatAReplyAtTheEmployerCancels() {
        Instant sent = at("2026-03-02T08:00", BERLIN);
        ProducerRecord<String, byte[]> outreach = TestEvents.record(
                new OutreachSent("o-1", "c-1", "Acme", "EMAIL", "Europe/Berlin", sent, null), member, "sent-o-1");
        send(outreach);
        send(TestEvents.record(new OutreachSent("o-1", "c-1", "Acme", "EMAIL", "Europe/Berlin", sent, null), member, "sent-o-1"));

        JsonNode upcoming = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/api/reminders").json().path("upcoming"), list -> list.size() == 2);
        assertThat(upcoming.get(0).path("title").asString())
                .isEqualTo("Write to a second contact at Acme: no reply for 3 business days");
        assertThat(Instant.parse(upcoming.get(0).path("dueAt").asString())).isEqualTo(at("2026-03-05T09:00", BERLIN));
        assertThat(Instant.parse(upcoming.get(1).path("dueAt").asString())).isEqualTo(at("2026-03-11T09:00", BERLIN));

        send(TestEvents.record(new OutreachReplied("o-2", "c-2", "ACME", "REPLIED", 1, sent.plusSeconds(3600)), member));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/reminders").json().path("upcoming").size() == 0);
        String id = Reminder.idFor(member, ReminderRule.FOLLOW_UP_ONCE, "o-1");
        assertThat(api.get("/api/reminders/" + id).text("status")).isEqualTo("CANCELLED");
    }

    @Test
    void anInterviewsRemindersFollowItsScheduleConfirmationAndCancellation() {
        Instant start = at("2026-03-05T14:00", BERLIN);
        Format video = new Format("VIDEO", null, null, "Meet", "https://meet.example/abc");
        send(TestEvents.record(new InterviewScheduled("i-9", "c-1", start, 30, video, "Europe/Berlin", "Asia/Tokyo"), member));
        String confirmId = Reminder.idFor(member, ReminderRule.CONFIRM_INTERVIEW, "i-9");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/reminders").json().path("upcoming").size() == 3);
        assertThat(Instant.parse(api.get("/api/reminders/" + confirmId).text("dueAt"))).isEqualTo(at("2026-03-04T09:00", BERLIN));

        send(TestEvents.record(new InterviewConfirmed("i-9", "c-1", start), member));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(api.get("/api/reminders/" + confirmId).text("status")));
        send(TestEvents.record(new InterviewCancelled("i-9", "c-1", "Contact is ill"), member));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/reminders").json().path("upcoming").size() == 0);
        assertThat(api.get("/api/reminders/" + Reminder.idFor(member, ReminderRule.LEAVE_NOW, "i-9")).text("status"))
                .isEqualTo("CANCELLED");
        assertThat(api.get("/api/reminders/" + confirmId).text("status")).as("confirmed stays closed").isEqualTo("CLOSED");
    }

    @Test
    void aHeldInterviewsThankYouIsMailedAtItsTimeAndPublishedAsReminderDue() throws Exception {
        choosePreferences("{\"timeZone\":\"Europe/Berlin\",\"channels\":[\"EMAIL\"],\"email\":\"" + email + "\"}");
        Instant ended = at("2026-03-02T07:30", BERLIN);
        send(TestEvents.record(new InterviewHeld("i-1", "c-1", ended.minusSeconds(1800), 30, 30, false, ended), member));
        String thankYouId = Reminder.idFor(member, ReminderRule.SEND_THANK_YOU, "i-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/reminders/" + thankYouId).status() == 200);
        // The notes reminder, due at the end of the interview, goes out at once.
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).size() == 1);

        clock.set(ended.plus(Duration.ofHours(24)));
        delivery.wake();

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).size() == 2);
        MimeMessage thankYou = mailsTo(email).get(1);
        assertThat(thankYou.getSubject()).isEqualTo("Rapport reminder: Send your thank-you to your contact, naming one specific takeaway");
        JsonNode due = api.get("/api/reminders").json().path("due");
        assertThat(due.findValuesAsString("rule")).contains("SEND_THANK_YOU");
        try (EventsOnTopic published = new EventsOnTopic(kafka, Topics.REMINDERS)) {
            ConsumerRecord<String, byte[]> record = published.await(EventsOnTopic.ofType("ReminderDue", thankYouId),
                    Duration.ofSeconds(30));
            ReminderDue event = EventJson.read(record.value(), ReminderDue.class);
            assertThat(event.rule()).isEqualTo("SEND_THANK_YOU");
            assertThat(event.dueAt()).isEqualTo(ended.plus(Duration.ofHours(24)));
            assertThat(event.late()).isFalse();
            assertThat(EventsOnTopic.header(record, CloudEventHeaders.MEMBER)).isEqualTo(member.memberId());
            assertThat(record.key()).isEqualTo(member.memberId());
        }

        send(TestEvents.record(new ThankYouSent("i-1", "c-1", "EMAIL", clock.instant(), 24, false), member));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(api.get("/api/reminders/" + thankYouId).text("status")));
        clock.set(ended.plus(Duration.ofHours(49)));
        delivery.wake();
        String overdueId = Reminder.idFor(member, ReminderRule.THANK_YOU_OVERDUE, "i-1");
        assertThat(api.get("/api/reminders/" + overdueId).text("status")).as("closed before it was due").isEqualTo("CLOSED");
        JsonNode upcoming = api.get("/api/reminders").json().path("upcoming");
        assertThat(upcoming.findValuesAsString("rule")).contains("REPORT_ON_ADVICE", "CHECK_IN", "KEEP_IN_TOUCH");
    }

    @Test
    void aReminderMissedWhileTheServiceWasDownIsDeliveredOnceMarkedLate() throws Exception {
        choosePreferences("{\"timeZone\":\"Europe/Berlin\",\"channels\":[\"EMAIL\"],\"email\":\"" + email + "\"}");
        // The interview ended 30 hours ago: its notes and thank-you reminders fell due while nothing ran.
        Instant ended = clock.instant().minus(Duration.ofHours(30));
        send(TestEvents.record(new InterviewHeld("i-2", "c-1", ended.minusSeconds(1800), 30, 30, false, ended), member));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).size() == 2);
        String notesId = Reminder.idFor(member, ReminderRule.WRITE_NOTES, "i-2");
        JsonNode notes = api.get("/api/reminders/" + notesId).json();
        assertThat(notes.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(notes.path("late").asBoolean()).isTrue();
        assertThat(mailsTo(email)).extracting(MimeMessage::getSubject)
                .allSatisfy(subject -> assertThat(subject).startsWith("[late] Rapport reminder: "));
        JsonNode inbox = api.get("/api/reminders").json();
        assertThat(inbox.path("overdue").findValuesAsString("rule")).containsExactly("WRITE_NOTES");
        assertThat(inbox.path("due").findValuesAsString("rule")).containsExactly("SEND_THANK_YOU");
        delivery.wake();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> mailsTo(email).size() == 2);
    }

    @Test
    void aDigestMemberGetsOneMorningMailListingTheDayReminders() throws Exception {
        choosePreferences("{\"timeZone\":\"Europe/Berlin\",\"morningHour\":\"09:00\",\"channels\":[\"EMAIL\"],\"email\":\""
                + email + "\",\"digest\":true}");
        Instant ended = at("2026-03-02T07:00", BERLIN);
        send(TestEvents.record(new InterviewHeld("i-3", "c-1", ended.minusSeconds(1800), 30, 30, false, ended), member));
        String notesId = Reminder.idFor(member, ReminderRule.WRITE_NOTES, "i-3");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(api.get("/api/reminders/" + notesId).text("status")));
        assertThat(mailsTo(email)).as("before the member's morning").isEmpty();

        clock.set(at("2026-03-02T09:00", BERLIN));
        delivery.wake();

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).size() == 1);
        MimeMessage digest = mailsTo(email).getFirst();
        assertThat(digest.getSubject()).isEqualTo("Rapport daily digest: 1 reminder");
        assertThat(digest.getContent().toString()).contains("Write your notes from your interview with your contact");
    }

    private void choosePreferences(String json) {
        ApiClient.Response saved = api.put("/api/preferences", json);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private void send(ProducerRecord<String, byte[]> record) {
        producer.send(record).join();
    }
}
