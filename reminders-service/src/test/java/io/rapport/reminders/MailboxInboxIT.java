package io.rapport.reminders;

import static io.rapport.reminders.Times.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.MailboxPaused;
import io.rapport.events.OutreachSuggested;
import io.rapport.platform.domain.Member;
import io.rapport.platform.work.BackgroundWorker;
import io.rapport.reminders.reminders.Reminder;
import io.rapport.reminders.reminders.ReminderRule;
import io.rapport.test.ApiClient;
import io.rapport.test.TestClock;
import io.rapport.test.TestEvents;
import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * contacts-service's mailbox watcher tells the member through the inbox: a paused mailbox, and mail the member sent
 * to a contact with no outreach logged ("log this as outreach?"), each once however often the event comes.
 */
@RemindersServiceTest
class MailboxInboxIT {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    @Autowired
    TestClock clock;

    @Autowired
    BackgroundWorker delivery;

    @Test
    void aPausedMailboxAndASuggestionReachTheInboxOnceEach() {
        clock.set(at("2026-03-03T10:00", ZoneId.of("UTC")));
        Member member = new Member("ada", "uni-" + UUID.randomUUID());
        ApiClient api = ApiClient.at("http://127.0.0.1:" + port).as(member.memberId(), member.tenantId());
        ProducerRecord<String, byte[]> paused = TestEvents.record(new MailboxPaused("m-1", "Paused after 3 failed sign-ins:"
                + " The mail server imap.example.org refused the user name or password.", clock.instant()), member,
                "paused-event-1", clock.instant());
        ProducerRecord<String, byte[]> suggested = TestEvents.record(new OutreachSuggested("mail-0123-c-1", "c-1",
                "Northwind", clock.instant().minusSeconds(3600)), member, "suggested-event-1", clock.instant());

        for (int i = 0; i < 2; i++) {
            producer.send(paused).join();
            producer.send(suggested).join();
        }
        delivery.wake();

        String pausedId = Reminder.idFor(member, ReminderRule.MAILBOX_PAUSED, "paused-event-1");
        String suggestionId = Reminder.idFor(member, ReminderRule.LOG_OUTREACH, "mail-0123-c-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(api.get("/api/reminders/" + pausedId).text("status"))
                && "DELIVERED".equals(api.get("/api/reminders/" + suggestionId).text("status")));
        assertThat(api.get("/api/reminders/" + pausedId).text("title")).startsWith("Your mailbox is paused: Paused after 3");
        assertThat(api.get("/api/reminders/" + suggestionId).text("title")).startsWith("You wrote to your contact")
                .endsWith("log this as outreach?");
        assertThat(api.get("/api/reminders").json().path("due").findValuesAsString("id"))
                .containsExactlyInAnyOrder(pausedId, suggestionId);
    }
}
