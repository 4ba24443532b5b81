package io.rapport.scheduling.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.domain.Member;
import io.rapport.scheduling.interviews.Interview;
import io.rapport.scheduling.interviews.Proposal;
import io.rapport.scheduling.interviews.Slot;
import io.rapport.scheduling.interviews.SlotRequest;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

/** The .ics written for an interview, parsed back with ical4j: every field a calendar app relies on. */
class IcsCalendarTest {

    static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
    // Berlin switches to summer time on 2027-03-28: the first slot is CET, the second CEST.
    static final Instant WINTER = Instant.parse("2027-03-26T09:00:00Z");
    static final Instant SUMMER = Instant.parse("2027-03-30T08:00:00Z");

    static Interview scheduled(String kind, String address, String phone, String platform, String link) {
        Proposal proposal = Proposal.of(new Proposal.Request("c-1", "Learn how product managers at Acme choose what to build.",
                List.of(new SlotRequest(WINTER.toString(), 45)), new Proposal.FormatRequest(kind, address, phone, platform, link),
                "Europe/Berlin", "America/New_York"), null, NOW);
        return Interview.propose("i-42", new Member("alice", "uni"), "Ada Lovelace", proposal, NOW).state()
                .schedule(WINTER, NOW).state();
    }

    static VEvent onlyEvent(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void aScheduledVideoInterviewRoundTripsWithEveryField() throws Exception {
        Interview interview = scheduled("VIDEO", null, null, "ZOOM", "https://zoom.us/j/42");

        String ics = IcsCalendar.render(null, List.of(interview));
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = onlyEvent(ics);

        assertThat(calendar.getProperty("PRODID").orElseThrow().getValue()).isEqualTo("-//Rapport//Scheduling//EN");
        assertThat(calendar.getProperty("VERSION").orElseThrow().getValue()).isEqualTo("2.0");
        List<VTimeZone> zones = calendar.getComponents("VTIMEZONE");
        assertThat(zones).extracting(z -> z.getProperty("TZID").orElseThrow().getValue()).containsExactly("Europe/Berlin");
        assertThat(value(event, "UID")).isEqualTo("i-42@rapport.scheduling");
        assertThat(value(event, "SEQUENCE")).isEqualTo("0");
        assertThat(value(event, "STATUS")).isEqualTo("TENTATIVE");
        assertThat(value(event, "SUMMARY")).isEqualTo("Informational interview with Ada Lovelace");
        assertThat(value(event, "LOCATION")).isEqualTo("https://zoom.us/j/42");
        assertThat(value(event, "URL")).isEqualTo("https://zoom.us/j/42");
        assertThat(value(event, "DESCRIPTION"))
                .contains("Objective: Learn how product managers at Acme choose what to build.")
                .contains("Contact's local time: Fri 26 Mar 2027 05:00 America/New_York")
                .contains("video (ZOOM)");
        DtStart<Temporal> start = event.getDateTimeStart();
        assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Berlin");
        assertThat(ics).contains("DTSTART;TZID=Europe/Berlin:20270326T100000", "DTEND;TZID=Europe/Berlin:20270326T104500");
        assertThat(Instant.from(start.getDate())).isEqualTo(WINTER);
        assertThat(Instant.from(event.getDateTimeEnd().getDate())).isEqualTo(WINTER.plus(Duration.ofMinutes(45)));
        List<VAlarm> alarms = event.getAlarms();
        assertThat(alarms).singleElement().satisfies(alarm -> {
            assertThat(alarm.getProperty("TRIGGER").orElseThrow().getValue()).isEqualTo("-PT15M");
            assertThat(alarm.getProperty("ACTION").orElseThrow().getValue()).isEqualTo("DISPLAY");
        });
        assertThat(value(event, "DTSTAMP")).isEqualTo("20270301T090000Z");
    }

    @Test
    void reschedulingAcrossTheDstChangeRaisesTheSequenceAndKeepsTheUid() throws Exception {
        Interview confirmed = scheduled("PHONE", null, "+49 30 1234567", null, null).confirm(NOW).state();
        assertThat(value(onlyEvent(IcsCalendar.render(null, List.of(confirmed))), "STATUS")).isEqualTo("CONFIRMED");

        Interview moved = confirmed.reschedule(new Slot(SUMMER, 30), NOW.plusSeconds(60)).state();
        VEvent event = onlyEvent(IcsCalendar.render(null, List.of(moved)));

        assertThat(value(event, "UID")).isEqualTo("i-42@rapport.scheduling");
        assertThat(value(event, "SEQUENCE")).isEqualTo("1");
        assertThat(value(event, "LOCATION")).isEqualTo("Phone +49 30 1234567");
        assertThat(ZonedDateTime.from(event.getDateTimeStart().getDate()).toLocalDateTime())
                .as("10:00 summer time in Berlin").isEqualTo(java.time.LocalDateTime.of(2027, 3, 30, 10, 0));
        assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(SUMMER);
    }

    @Test
    void aCancelledInterviewIsStatusCancelledWithAHigherSequence() throws Exception {
        Interview moved = scheduled("IN_PERSON", "Unter den Linden 1, Berlin", null, null, null)
                .reschedule(new Slot(SUMMER, 30), NOW).state();
        Interview cancelled = moved.cancel("Ada is travelling", NOW.plusSeconds(120)).state();

        VEvent event = onlyEvent(IcsCalendar.render(null, List.of(cancelled)));

        assertThat(value(event, "STATUS")).isEqualTo("CANCELLED");
        assertThat(value(event, "SEQUENCE")).isEqualTo("2");
        assertThat(value(event, "LOCATION")).isEqualTo("Unter den Linden 1, Berlin");
        assertThat(value(event, "DESCRIPTION")).contains("Cancelled: Ada is travelling");
        assertThat(event.getAlarms().getFirst().getProperty("TRIGGER").orElseThrow().getValue())
                .as("in person: travel and arrive 15 minutes early").isEqualTo("-PT45M");
    }

    @Test
    void aProposedInterviewHasNoEntryAndOneZoneIsDefinedOnceForSeveralInterviews() throws Exception {
        Interview proposed = Interview.propose("i-1", new Member("alice", "uni"), "Ada",
                Proposal.of(new Proposal.Request("c-1", "Learn.", List.of(new SlotRequest(SUMMER.toString(), 30)),
                        new Proposal.FormatRequest("PHONE", null, "+1 555 0100", null, null), "Europe/Berlin",
                        "Europe/Berlin"), null, NOW), NOW).state();
        Interview a = scheduled("PHONE", null, "+1 555 0100", null, null);

        Calendar calendar = new CalendarBuilder().build(new StringReader(
                IcsCalendar.render("Rapport interviews", List.of(proposed, a, a.confirm(NOW).state()))));

        assertThat(calendar.getComponents("VEVENT")).hasSize(2);
        assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("Rapport interviews");
    }
}
