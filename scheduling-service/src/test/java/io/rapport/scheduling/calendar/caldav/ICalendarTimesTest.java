package io.rapport.scheduling.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.scheduling.interviews.BusyTimes.Busy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ICalendarTimesTest {

    private static Busy busy(String start, String end) {
        return new Busy(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void aVfreebusyGivesItsBusyPeriodsAndSkipsTheFreeOnes() {
        String text = """
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VFREEBUSY
                DTSTART:20270329T000000Z
                DTEND:20270331T000000Z
                FREEBUSY;FBTYPE=BUSY:20270329T080000Z/20270329T090000Z,20270329T130000Z/PT30M
                FREEBUSY;FBTYPE=FREE:20270329T100000Z/20270329T110000Z
                FREEBUSY;FBTYPE=BUSY-TENTATIVE:20270330T070000Z/20270330T071500Z
                END:VFREEBUSY
                END:VCALENDAR
                """;
        assertThat(ICalendarTimes.busy(text, ZoneOffset.UTC)).containsExactly(
                busy("2027-03-29T08:00:00Z", "2027-03-29T09:00:00Z"),
                busy("2027-03-29T13:00:00Z", "2027-03-29T13:30:00Z"),
                busy("2027-03-30T07:00:00Z", "2027-03-30T07:15:00Z"));
    }

    @Test
    void eventsGiveTheirTimesInTheirZoneAndNothingElse() {
        // As Radicale 3.1 answers a calendar-query: whole events, although only the times were asked for.
        String text = """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                BEGIN:VTIMEZONE\r
                TZID:Europe/Berlin\r
                BEGIN:DAYLIGHT\r
                DTSTART:19700329T020000\r
                TZOFFSETFROM:+0100\r
                TZOFFSETTO:+0200\r
                END:DAYLIGHT\r
                END:VTIMEZONE\r
                BEGIN:VEVENT\r
                UID:dentist@example.org\r
                DTSTART;TZID=Europe/Berlin:20270329T100000\r
                DTEND;TZID=Europe/Berlin:20270329T110000\r
                SUMMARY:Dentist: a secret the member keeps\r
                ATTENDEE;CN="Dr. Who: dentist":mailto:who@example.org\r
                BEGIN:VALARM\r
                TRIGGER:-PT15M\r
                DURATION:PT5M\r
                ACTION:DISPLAY\r
                END:VALARM\r
                END:VEVENT\r
                BEGIN:VEVENT\r
                DTSTART:20270329T150000Z\r
                DURATION:PT45M\r
                END:VEVENT\r
                BEGIN:VEVENT\r
                DTSTART;VALUE=DATE:20270330\r
                DTEND;VALUE=DATE:20270331\r
                SUMMARY:Holiday\r
                END:VEVENT\r
                BEGIN:VEVENT\r
                DTSTART:20270331T090000\r
                DTEND:2027033\r
                 1T093000\r
                END:VEVENT\r
                END:VCALENDAR\r
                """;
        assertThat(ICalendarTimes.busy(text, ZoneId.of("America/New_York"))).containsExactly(
                busy("2027-03-29T08:00:00Z", "2027-03-29T09:00:00Z"),
                busy("2027-03-29T15:00:00Z", "2027-03-29T15:45:00Z"),
                // floating time, read in the zone given; the folded DTEND line is unfolded first
                busy("2027-03-31T13:00:00Z", "2027-03-31T13:30:00Z"));
    }

    @Test
    void aPrefixedTzidFallsBackToItsIanaTail() {
        String text = """
                BEGIN:VEVENT
                DTSTART;TZID=/mozilla.org/20050126_1/Europe/Paris:20270101T100000
                DTEND;TZID=/mozilla.org/20050126_1/Europe/Paris:20270101T103000
                END:VEVENT
                """;
        assertThat(ICalendarTimes.busy(text, ZoneOffset.UTC))
                .containsExactly(busy("2027-01-01T09:00:00Z", "2027-01-01T09:30:00Z"));
    }

    @Test
    void anEventWithoutEndOrWithABrokenStartIsNoBusyTime() {
        String text = """
                BEGIN:VEVENT
                DTSTART:20270101T100000Z
                END:VEVENT
                BEGIN:VEVENT
                DTSTART:tomorrow
                DTEND:20270101T103000Z
                END:VEVENT
                """;
        assertThat(ICalendarTimes.busy(text, ZoneOffset.UTC)).isEmpty();
    }

    @Test
    void aRecurringEventThatTheServerDidNotExpandCountsEachOccurrenceInTheRangeAtItsWallClockTime() {
        // Weekly on Monday 10:00 Berlin from 1 March 2027; summer time starts on 28 March.
        String text = """
                BEGIN:VEVENT
                DTSTART;TZID=Europe/Berlin:20270301T100000
                DTEND;TZID=Europe/Berlin:20270301T110000
                RRULE:FREQ=WEEKLY;COUNT=10
                SUMMARY:Team meeting
                END:VEVENT
                """;
        assertThat(ICalendarTimes.busy(text, ZoneOffset.UTC, Instant.parse("2027-03-22T00:00:00Z"),
                Instant.parse("2027-04-06T00:00:00Z"))).containsExactly(
                busy("2027-03-22T09:00:00Z", "2027-03-22T10:00:00Z"),
                busy("2027-03-29T08:00:00Z", "2027-03-29T09:00:00Z"),
                busy("2027-04-05T08:00:00Z", "2027-04-05T09:00:00Z"));
        assertThat(ICalendarTimes.busy(text, ZoneOffset.UTC, Instant.parse("2027-06-01T00:00:00Z"),
                Instant.parse("2027-06-08T00:00:00Z"))).as("after its tenth occurrence").isEmpty();
        assertThat(ICalendarTimes.busy(text, ZoneOffset.UTC, Instant.parse("2027-03-22T09:30:00Z"),
                Instant.parse("2027-03-22T09:45:00Z"))).as("a range inside one occurrence")
                .containsExactly(busy("2027-03-22T09:00:00Z", "2027-03-22T10:00:00Z"));
    }

    @Test
    void durationsAsRfc5545WritesThem() {
        assertThat(ICalendarTimes.duration("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(ICalendarTimes.duration("P1D")).isEqualTo(Duration.ofDays(1));
        assertThat(ICalendarTimes.duration("P2W")).isEqualTo(Duration.ofDays(14));
        assertThat(ICalendarTimes.duration("-PT15M")).isEqualTo(Duration.ofMinutes(-15));
        assertThat(ICalendarTimes.duration("soon")).isNull();
    }

    @Test
    void timeRangesAreWrittenInUtc() {
        assertThat(ICalendarTimes.utc(Instant.parse("2027-03-29T08:05:09Z"))).isEqualTo("20270329T080509Z");
    }
}
