package io.rapport.reminders;

import static io.rapport.reminders.Times.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.InterviewHeld;
import io.rapport.platform.domain.Member;
import io.rapport.reminders.reminders.Reminder;
import io.rapport.reminders.reminders.ReminderRule;
import io.rapport.test.ApiClient;
import io.rapport.test.PrometheusMetrics;
import io.rapport.test.TestClock;
import io.rapport.test.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

/** What an operator watches of the reminders: due versus delivered, and how late deliveries are. */
@RemindersServiceTest
class ReminderMetricsIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    @Autowired
    TestClock clock;

    @Test
    void remindersMissedWhileNothingRanCountAsDueDeliveredAndLate() {
        clock.set(at("2026-03-02T08:00", BERLIN));
        Member member = new Member("ada-" + UUID.randomUUID().toString().substring(0, 8), "uni-" + UUID.randomUUID());
        ApiClient api = ApiClient.at("http://127.0.0.1:" + port).as(member.memberId(), member.tenantId());
        PrometheusMetrics before = scrape();

        // The interview ended 30 hours ago: its notes and thank-you reminders fell due while nothing ran.
        Instant ended = clock.instant().minus(Duration.ofHours(30));
        producer.send(TestEvents.record(new InterviewHeld("i-2", "c-1", ended.minusSeconds(1800), 30, 30, false, ended),
                member)).join();
        String notesId = Reminder.idFor(member, ReminderRule.WRITE_NOTES, "i-2");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(api.get("/api/reminders/" + notesId).text("status")));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PrometheusMetrics after = scrape();
            assertThat(increase(before, after, "rapport_reminders_due_total")).isGreaterThanOrEqualTo(2);
            assertThat(increase(before, after, "rapport_reminders_delivered_total")).isGreaterThanOrEqualTo(2);
            assertThat(increase(before, after, "rapport_reminders_delivery_lateness_seconds_count")).isGreaterThanOrEqualTo(2);
            assertThat(increase(before, after, "rapport_reminders_delivery_lateness_seconds_sum"))
                    .as("hours late, in seconds").isGreaterThan(Duration.ofHours(1).toSeconds());
            assertThat(increase(before, after, "rapport_reminders_delivery_lateness_seconds_bucket", "le=300.0"))
                    .as("none within five minutes of its due time").isZero();
        });
    }

    private static double increase(PrometheusMetrics before, PrometheusMetrics after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    private PrometheusMetrics scrape() {
        return PrometheusMetrics.scrape("http://127.0.0.1:" + port);
    }
}
