package io.rapport.reminders.preferences;

import static io.rapport.reminders.Times.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalTime NINE = LocalTime.of(9, 0);

    @Test
    void threeBusinessDaysAfterAFridaySkipTheWeekend() {
        MemberCalendar calendar = new MemberCalendar(BERLIN, NINE, Set.of(), null);

        Instant due = calendar.morningAfterBusinessDays(at("2026-01-09T16:30", BERLIN), 3);

        assertThat(due).isEqualTo(at("2026-01-14T09:00", BERLIN));
    }

    @Test
    void anOutreachSentOnSaturdayCountsFromMonday() {
        MemberCalendar calendar = new MemberCalendar(BERLIN, NINE, Set.of(), null);

        assertThat(calendar.morningAfterBusinessDays(at("2026-01-10T11:00", BERLIN), 3))
                .isEqualTo(at("2026-01-14T09:00", BERLIN));
        assertThat(calendar.morningAfterBusinessDays(at("2026-01-10T11:00", BERLIN), 7))
                .isEqualTo(at("2026-01-20T09:00", BERLIN));
    }

    @Test
    void theMembersHolidaysAreNotBusinessDays() {
        MemberCalendar calendar = new MemberCalendar(BERLIN, NINE,
                Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")), null);

        // Wednesday 23rd + 3 business days: Thu and Fri are holidays, so Mon 28, Tue 29, Wed 30.
        assertThat(calendar.morningAfterBusinessDays(at("2026-12-23T10:00", BERLIN), 3))
                .isEqualTo(at("2026-12-30T09:00", BERLIN));
        assertThat(calendar.isBusinessDay(LocalDate.parse("2026-12-24"))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.parse("2026-12-28"))).isTrue();
    }

    @Test
    void theMorningStaysAtNineLocalTimeAcrossTheSpringDstChange() {
        MemberCalendar calendar = new MemberCalendar(NEW_YORK, NINE, Set.of(), null);

        // Sent Friday in EST (UTC-5); due Wednesday after the clocks went forward on Sunday 8 March (EDT, UTC-4).
        Instant due = calendar.morningAfterBusinessDays(Instant.parse("2026-03-06T15:00:00Z"), 3);

        assertThat(due).isEqualTo(Instant.parse("2026-03-11T13:00:00Z"));
        assertThat(due.atZone(NEW_YORK).toLocalTime()).isEqualTo(NINE);
    }

    @Test
    void theMorningStaysAtNineLocalTimeAcrossTheAutumnDstChange() {
        MemberCalendar calendar = new MemberCalendar(BERLIN, NINE, Set.of(), null);

        // Sent Friday 23 October in CEST (UTC+2); the clocks go back on Sunday 25th; due in CET (UTC+1).
        Instant due = calendar.morningAfterBusinessDays(Instant.parse("2026-10-23T08:00:00Z"), 3);

        assertThat(due).isEqualTo(Instant.parse("2026-10-28T08:00:00Z"));
    }

    @Test
    void aMorningHourSkippedByTheDstChangeMovesToTheHourAfter() {
        MemberCalendar calendar = new MemberCalendar(NEW_YORK, LocalTime.of(2, 30), Set.of(), null);

        // Sunday 8 March 2026 has no 02:30 in New York; weekends do not count, so ask for that day directly.
        Instant due = calendar.outsideQuietHours(ZonedDateTime.of(LocalDate.parse("2026-03-08"), LocalTime.of(2, 30),
                NEW_YORK).toInstant(), false);

        assertThat(due.atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
    }

    @Test
    void businessDaysCountInTheMembersZoneNotTheContacts() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        MemberCalendar calendar = new MemberCalendar(tokyo, NINE, Set.of(), null);
        // Monday 09:00 in Los Angeles is already Tuesday 02:00 in Tokyo.
        Instant interview = at("2026-01-12T09:00", ZoneId.of("America/Los_Angeles"));

        assertThat(calendar.dayOf(interview)).isEqualTo(LocalDate.parse("2026-01-13"));
        assertThat(calendar.morningBeforeBusinessDays(interview, 1)).isEqualTo(at("2026-01-12T09:00", tokyo));
    }

    @Test
    void oneBusinessDayBeforeAMondayIsTheFriday() {
        MemberCalendar calendar = new MemberCalendar(BERLIN, NINE, Set.of(), null);

        assertThat(calendar.morningBeforeBusinessDays(at("2026-01-12T14:00", BERLIN), 1))
                .isEqualTo(at("2026-01-09T09:00", BERLIN));
        assertThat(calendar.morningBeforeBusinessDays(at("2026-01-12T14:00", BERLIN), 2))
                .isEqualTo(at("2026-01-08T09:00", BERLIN));
    }

    @Test
    void calendarDaysAfterLandingOnAWeekendMoveToMonday() {
        MemberCalendar calendar = new MemberCalendar(BERLIN, NINE, Set.of(), null);

        // Thursday + 30 days = Saturday 14 February: Monday 16th instead.
        assertThat(calendar.morningAfterDays(at("2026-01-15T17:00", BERLIN), 30)).isEqualTo(at("2026-02-16T09:00", BERLIN));
    }

    @Test
    void aReminderInQuietHoursWaitsForTheirEndOrComesJustBeforeThem() {
        MemberCalendar calendar = new MemberCalendar(BERLIN, NINE, Set.of(),
                new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)));

        assertThat(calendar.outsideQuietHours(at("2026-01-12T23:30", BERLIN), false)).isEqualTo(at("2026-01-13T07:00", BERLIN));
        assertThat(calendar.outsideQuietHours(at("2026-01-13T05:45", BERLIN), false)).isEqualTo(at("2026-01-13T07:00", BERLIN));
        assertThat(calendar.outsideQuietHours(at("2026-01-13T05:45", BERLIN), true)).isEqualTo(at("2026-01-12T21:59", BERLIN));
        assertThat(calendar.outsideQuietHours(at("2026-01-12T21:00", BERLIN), false)).isEqualTo(at("2026-01-12T21:00", BERLIN));
    }

    @Test
    void aMorningInsideDaytimeQuietHoursMovesToTheirEnd() {
        MemberCalendar calendar = new MemberCalendar(BERLIN, LocalTime.of(8, 0), Set.of(),
                new QuietHours(LocalTime.of(7, 30), LocalTime.of(8, 30)));

        assertThat(calendar.morningAfterBusinessDays(at("2026-01-12T12:00", BERLIN), 1)).isEqualTo(at("2026-01-13T08:30", BERLIN));
    }
}
