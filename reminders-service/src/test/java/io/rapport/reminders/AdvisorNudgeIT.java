package io.rapport.reminders;

import static io.rapport.reminders.Times.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.AdvisorNudged;
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

/** An advisor's nudge (insights-service's AdvisorNudged) arrives in the member's inbox as a reminder, once. */
@RemindersServiceTest
class AdvisorNudgeIT {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    @Autowired
    TestClock clock;

    @Autowired
    BackgroundWorker delivery;

    @Test
    void aNudgeIsDeliveredToTheInboxOnce() {
        clock.set(at("2026-03-03T10:00", ZoneId.of("UTC")));
        Member member = new Member("ada", "uni-" + UUID.randomUUID());
        ApiClient api = ApiClient.at("http://127.0.0.1:" + port).as(member.memberId(), member.tenantId());
        ProducerRecord<String, byte[]> nudge = TestEvents.record(new AdvisorNudged("n-1", "mentor",
                "Try a second contact at Northwind", clock.instant()), member, "nudge-event-1", clock.instant());

        producer.send(nudge).join();
        producer.send(nudge).join();
        delivery.wake();

        String id = Reminder.idFor(member, ReminderRule.ADVISOR_NUDGE, "n-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(api.get("/api/reminders/" + id).text("status")));
        assertThat(api.get("/api/reminders/" + id).text("title")).isEqualTo("From your advisor: Try a second contact at Northwind");
        assertThat(api.get("/api/reminders").json().path("due").findValuesAsString("id")).containsExactly(id);
    }
}
