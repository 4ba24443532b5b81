package io.rapport.scheduling.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.scheduling.interviews.BusyTimes.Busy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarBusyTimesTest {

    private static Busy at(int fromHour, int fromMinute, int toHour, int toMinute) {
        return new Busy(Instant.parse("2027-03-29T%02d:%02d:00Z".formatted(fromHour, fromMinute)),
                Instant.parse("2027-03-29T%02d:%02d:00Z".formatted(toHour, toMinute)));
    }

    @Test
    void rapportsOwnInterviewsAreTakenOutOfTheCalendarsBusyTimes() {
        // The calendar merged a dentist (8:00-9:00) with Rapport's own copy of an interview (9:00-9:30).
        assertThat(CalendarBusyTimes.subtract(List.of(at(8, 0, 9, 30)), List.of(at(9, 0, 9, 30))))
                .containsExactly(at(8, 0, 9, 0));
        // Exactly the interview: nothing else is busy.
        assertThat(CalendarBusyTimes.subtract(List.of(at(9, 0, 9, 30)), List.of(at(9, 0, 9, 30)))).isEmpty();
        // An interview inside a longer meeting cuts it in two.
        assertThat(CalendarBusyTimes.subtract(List.of(at(8, 0, 12, 0)), List.of(at(10, 0, 10, 30))))
                .containsExactly(at(8, 0, 10, 0), at(10, 30, 12, 0));
        // Apart: untouched.
        assertThat(CalendarBusyTimes.subtract(List.of(at(14, 0, 15, 0)), List.of(at(9, 0, 9, 30))))
                .containsExactly(at(14, 0, 15, 0));
    }

    @Test
    void retriesBackOffFromFiveSecondsToAnHour() {
        assertThat(CalendarCopies.retryAfter(0)).hasSeconds(5);
        assertThat(CalendarCopies.retryAfter(3)).hasSeconds(40);
        assertThat(CalendarCopies.retryAfter(50)).hasHours(1);
    }
}
