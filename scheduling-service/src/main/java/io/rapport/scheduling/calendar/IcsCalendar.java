package io.rapport.scheduling.calendar;

import io.rapport.scheduling.interviews.FormatKind;
import io.rapport.scheduling.interviews.Interview;
import io.rapport.scheduling.interviews.InterviewStatus;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Interviews as iCalendar (RFC 5545), written with ical4j. Times carry the member's TZID with its
 * VTIMEZONE, so calendar apps move them correctly across daylight-saving changes. The UID is the
 * interview's, so a re-import updates the entry; SEQUENCE rises with every reschedule and the
 * cancellation, so clients take the newer version.
 */
public final class IcsCalendar {

    public static final String UID_DOMAIN = "@rapport.scheduling";
    private static final String PRODUCT = "-//Rapport//Scheduling//EN";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private IcsCalendar() {
    }

    /** Only interviews with an agreed slot have a place in a calendar; the others are left out. */
    public static String render(String calendarName, List<Interview> interviews) {
        return render(calendarName, interviews, true);
    }

    /**
     * One interview as a CalDAV calendar object resource (RFC 4791 §4.1): the same event and UID as the .ics file,
     * without the METHOD property, which a resource in a calendar collection must not carry.
     */
    public static String renderResource(Interview interview) {
        return render(null, List.of(interview), false);
    }

    private static String render(String calendarName, List<Interview> interviews, boolean published) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        if (published) {
            calendar.add(new Method("PUBLISH"));
        }
        if (calendarName != null) {
            calendar.add(new XProperty("X-WR-CALNAME", calendarName));
        }
        Set<String> zonesAdded = new LinkedHashSet<>();
        for (Interview interview : interviews) {
            if (interview.slot() == null) {
                continue;
            }
            TimeZone zone = vtimezone(interview.memberTimeZone());
            if (zone != null && zonesAdded.add(zone.getID())) {
                calendar.add(zone.getVTimeZone());
            }
            calendar.add(event(interview, zone != null));
        }
        return calendar.toString();
    }

    private static VEvent event(Interview interview, boolean zoned) {
        ZonedDateTime start = interview.slot().start().atZone(interview.memberTimeZone());
        ZonedDateTime end = interview.slot().end().atZone(interview.memberTimeZone());
        VEvent event = zoned
                ? new VEvent(start, end, summary(interview))
                : new VEvent(start.toInstant(), end.toInstant(), summary(interview));
        event.replace(new DtStamp(interview.updatedAt()));
        event.add(new Uid(interview.id() + UID_DOMAIN));
        event.add(new Sequence(interview.sequence()));
        event.add(new Status(status(interview.status())));
        event.add(new LastModified(interview.updatedAt()));
        event.add(new Location(interview.format().whereabouts()));
        if (interview.format().kind() == FormatKind.VIDEO) {
            event.add(new Url(URI.create(interview.format().link())));
        }
        event.add(new Description(description(interview)));
        VAlarm alarm = new VAlarm(alarmBefore(interview.format().kind()).negated());
        alarm.add(new Action("DISPLAY"));
        alarm.add(new Description("Informational interview with " + interview.contactName()));
        event.add(alarm);
        return event;
    }

    /**
     * In person the member arrives 15 minutes early and has to travel; online 5 minutes early is
     * enough, plus a moment to reread the question plan.
     */
    static Duration alarmBefore(FormatKind kind) {
        return kind == FormatKind.IN_PERSON ? Duration.ofMinutes(45) : Duration.ofMinutes(15);
    }

    /** SCHEDULED is agreed but not yet reconfirmed with the contact, so calendars show it as tentative. */
    static String status(InterviewStatus status) {
        return switch (status) {
            case CANCELLED -> "CANCELLED";
            case PROPOSED, SCHEDULED -> "TENTATIVE";
            case CONFIRMED, HELD, NO_SHOW -> "CONFIRMED";
        };
    }

    static String summary(Interview interview) {
        return "Informational interview with " + interview.contactName();
    }

    static String description(Interview interview) {
        ZonedDateTime contactStart = interview.slot().start().atZone(interview.contactTimeZone());
        StringBuilder text = new StringBuilder()
                .append("Objective: ").append(interview.objective()).append('\n')
                .append("Contact's local time: ").append(LOCAL.format(contactStart)).append(' ')
                .append(interview.contactTimeZone().getId()).append('\n')
                .append("Format: ").append(switch (interview.format().kind()) {
                    case IN_PERSON -> "in person at " + interview.format().address();
                    case PHONE -> "phone " + interview.format().phone();
                    case VIDEO -> "video (" + interview.format().platform() + ") " + interview.format().link();
                });
        if (interview.status() == InterviewStatus.CANCELLED && interview.cancelReason() != null) {
            text.append('\n').append("Cancelled: ").append(interview.cancelReason());
        }
        return text.toString();
    }

    private static TimeZone vtimezone(ZoneId zone) {
        if (zone.normalized() instanceof java.time.ZoneOffset) {
            return null;
        }
        return ZONES.getTimeZone(zone.getId());
    }
}
