package io.rapport.web.today;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThankYouCountdownTest {

    private static final Instant HELD = Instant.parse("2026-03-02T15:00:00Z");

    @Test
    void oneLinePerInterviewWithTheHoursLeftOfTheFirstDay() {
        List<TodayPage.ThankYouOwed> owed = TodayPage.thankYousOwed(reminders(), HELD.plusSeconds(4 * 3600));

        assertThat(owed).hasSize(1);
        assertThat(owed.getFirst().countdown()).isEqualTo("20 h left of 24 h");
        assertThat(owed.getFirst().late()).isFalse();
    }

    @Test
    void afterADayTheHoursLeftBefore48() {
        TodayPage.ThankYouOwed owed = TodayPage.thankYousOwed(reminders(), HELD.plusSeconds(30 * 3600)).getFirst();

        assertThat(owed.countdown()).isEqualTo("past 24 h: 18 h left of 48 h");
        assertThat(owed.pastFirstDay()).isTrue();
    }

    @Test
    void after48HoursItIsLate() {
        TodayPage.ThankYouOwed owed = TodayPage.thankYousOwed(reminders(), HELD.plusSeconds(50 * 3600)).getFirst();

        assertThat(owed.countdown()).isEqualTo("over 48 h: 2 h past");
        assertThat(owed.late()).isTrue();
    }

    private static List<Map<String, Object>> reminders() {
        return List.of(
                Map.of("id", "r1", "rule", "SEND_THANK_YOU", "subjectId", "iv-1", "title", "Send your thank-you",
                        "dueAt", HELD.plusSeconds(24 * 3600).toString(), "overdueAt", HELD.plusSeconds(48 * 3600).toString()),
                Map.of("id", "r2", "rule", "THANK_YOU_OVERDUE", "subjectId", "iv-1", "title", "Overdue: your thank-you",
                        "dueAt", HELD.plusSeconds(48 * 3600).toString()),
                Map.of("id", "r3", "rule", "WRITE_NOTES", "subjectId", "iv-1", "title", "Write your notes",
                        "dueAt", HELD.toString()));
    }
}
