package io.rapport.scheduling.calendar.caldav;

import io.rapport.scheduling.interviews.BusyTimes.Busy;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.model.Recur;

/**
 * Reads the times, and nothing else, out of iCalendar text (RFC 5545): the FREEBUSY periods of a VFREEBUSY, and
 * DTSTART with DTEND or DURATION of each VEVENT. Every other property (SUMMARY, ATTENDEE, DESCRIPTION, …) is skipped
 * line by line without being kept, even when a server sends whole events. Events that take whole days (a DATE
 * start: birthdays, holidays, "working from home") are not busy times; FREEBUSY periods of type FREE are not either.
 */
public final class ICalendarTimes {

    static final int MAX_OCCURRENCES = 500;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);

    private ICalendarTimes() {
    }

    /** The busy periods in {@code text}; a time without zone is read in {@code floatingZone}; no recurrence expanded. */
    public static List<Busy> busy(String text, ZoneId floatingZone) {
        return busy(text, floatingZone, null, null);
    }

    /**
     * As above, with each recurring event (RRULE) expanded into its occurrences overlapping [from, to), for servers
     * that send the event as stored instead of expanding it (Radicale 3.1 ignores {@code CALDAV:expand}). Exceptions
     * (EXDATE, moved instances) are not applied, so such an event may look busier than it is, never freer.
     */
    public static List<Busy> busy(String text, ZoneId floatingZone, Instant from, Instant to) {
        List<Busy> busy = new ArrayList<>();
        ZonedDateTime zonedStart = null;
        String rrule = null;
        Instant start = null;
        Instant end = null;
        Duration duration = null;
        boolean inEvent = false;
        boolean allDay = false;
        int depth = 0;
        for (String line : unfold(text)) {
            int colon = valueStart(line);
            if (colon < 0) {
                continue;
            }
            String head = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            String name = (head.contains(";") ? head.substring(0, head.indexOf(';')) : head).toUpperCase(Locale.ROOT);
            if (name.equals("BEGIN")) {
                depth++;
                if (value.equalsIgnoreCase("VEVENT")) {
                    inEvent = true;
                    start = null;
                    zonedStart = null;
                    rrule = null;
                    end = null;
                    duration = null;
                    allDay = false;
                    depth = 1;
                }
                continue;
            }
            if (name.equals("END")) {
                depth--;
                if (inEvent && value.equalsIgnoreCase("VEVENT")) {
                    inEvent = false;
                    if (start != null && !allDay) {
                        Instant until = end != null ? end : start.plus(duration != null ? duration : Duration.ZERO);
                        if (until.isAfter(start)) {
                            Duration length = Duration.between(start, until);
                            if (rrule != null && from != null && to != null && zonedStart != null) {
                                busy.addAll(occurrences(rrule, zonedStart, length, from, to));
                            } else {
                                busy.add(new Busy(start, until));
                            }
                        }
                    }
                }
                continue;
            }
            // Only the event's own properties: a VALARM inside an event has a DURATION of its own.
            if (inEvent && depth == 1) {
                switch (name) {
                    case "DTSTART" -> {
                        allDay = isDate(head, value);
                        start = allDay ? null : instant(head, value, floatingZone);
                        zonedStart = start == null ? null : start.atZone(value.toUpperCase(Locale.ROOT).endsWith("Z")
                                ? ZoneOffset.UTC : zone(parameter(head, "TZID"), floatingZone));
                    }
                    case "RRULE" -> rrule = value;
                    case "DTEND" -> end = isDate(head, value) ? null : instant(head, value, floatingZone);
                    case "DURATION" -> duration = duration(value);
                    default -> { }
                }
            } else if (!inEvent && name.equals("FREEBUSY")) {
                String type = parameter(head, "FBTYPE");
                if (type == null || !type.equalsIgnoreCase("FREE")) {
                    for (String period : value.split(",")) {
                        Busy parsed = period(period.strip());
                        if (parsed != null) {
                            busy.add(parsed);
                        }
                    }
                }
            }
        }
        return busy;
    }

    /**
     * The occurrences of a recurring event overlapping [from, to), computed in the event's own zone so a weekly
     * 10:00 stays at 10:00 across daylight-saving changes; at most {@value #MAX_OCCURRENCES}.
     */
    static List<Busy> occurrences(String rrule, ZonedDateTime seed, Duration length, Instant from, Instant to) {
        List<Busy> busy = new ArrayList<>();
        try {
            Recur<ZonedDateTime> recur = new Recur<>(rrule);
            List<ZonedDateTime> dates = recur.getDates(seed, from.minus(length).atZone(seed.getZone()), to.atZone(seed.getZone()));
            for (ZonedDateTime date : dates) {
                Instant start = date.toInstant();
                Instant end = start.plus(length);
                if (start.isBefore(to) && end.isAfter(from)) {
                    busy.add(new Busy(start, end));
                }
                if (busy.size() == MAX_OCCURRENCES) {
                    break;
                }
            }
        } catch (Exception unreadable) {
            // An RRULE ical4j cannot read: the first occurrence alone, as stored.
            busy.add(new Busy(seed.toInstant(), seed.toInstant().plus(length)));
        }
        return busy;
    }

    /** Content lines: a line starting with a space or tab continues the previous one (RFC 5545 §3.1). */
    static List<String> unfold(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = null;
        for (String raw : text.split("\r\n|\n|\r")) {
            if (!raw.isEmpty() && (raw.charAt(0) == ' ' || raw.charAt(0) == '\t') && current != null) {
                current.append(raw, 1, raw.length());
            } else {
                if (current != null) {
                    lines.add(current.toString());
                }
                current = new StringBuilder(raw);
            }
        }
        if (current != null) {
            lines.add(current.toString());
        }
        return lines;
    }

    /** The colon that ends the name and parameters; a colon inside a quoted parameter value does not count. */
    private static int valueStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String parameter(String head, String name) {
        for (String part : head.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).equalsIgnoreCase(name)) {
                String value = part.substring(eq + 1);
                return value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    private static boolean isDate(String head, String value) {
        return "DATE".equalsIgnoreCase(parameter(head, "VALUE")) || value.matches("\\d{8}");
    }

    private static Instant instant(String head, String value, ZoneId floatingZone) {
        try {
            if (value.endsWith("Z") || value.endsWith("z")) {
                return LocalDateTime.parse(value.substring(0, value.length() - 1), DATE_TIME).toInstant(ZoneOffset.UTC);
            }
            LocalDateTime local = LocalDateTime.parse(value, DATE_TIME);
            String tzid = parameter(head, "TZID");
            return local.atZone(zone(tzid, floatingZone)).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A TZID is usually an IANA name; some servers prefix it ("/mozilla.org/…/Europe/Berlin"): the tail is tried. */
    private static ZoneId zone(String tzid, ZoneId floatingZone) {
        if (tzid == null) {
            return floatingZone;
        }
        String name = tzid;
        while (true) {
            try {
                return ZoneId.of(name);
            } catch (DateTimeException e) {
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    return floatingZone;
                }
                name = name.substring(slash + 1);
            }
        }
    }

    /** RFC 5545 durations: P1D, PT1H30M, -PT15M, P2W; null when unreadable. */
    static Duration duration(String value) {
        String text = value.strip().toUpperCase(Locale.ROOT);
        boolean negative = text.startsWith("-");
        if (text.startsWith("-") || text.startsWith("+")) {
            text = text.substring(1);
        }
        try {
            Duration parsed;
            if (text.endsWith("W")) {
                parsed = Duration.ofDays(7L * Long.parseLong(text.substring(1, text.length() - 1)));
            } else {
                parsed = Duration.parse(text);
            }
            return negative ? parsed.negated() : parsed;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** start/end or start/duration, both in UTC (RFC 5545 §3.3.9; FREEBUSY values are UTC). */
    private static Busy period(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return null;
        }
        Instant start = instant("", text.substring(0, slash), ZoneOffset.UTC);
        String tail = text.substring(slash + 1);
        Instant end;
        if (tail.startsWith("P") || tail.startsWith("+P")) {
            Duration length = duration(tail);
            end = start == null || length == null ? null : start.plus(length);
        } else {
            end = instant("", tail, ZoneOffset.UTC);
        }
        return start != null && end != null && end.isAfter(start) ? new Busy(start, end) : null;
    }

    /** An instant as CalDAV time ranges write it: 20270329T080000Z. */
    public static String utc(Instant instant) {
        return DATE_TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "Z";
    }

}
