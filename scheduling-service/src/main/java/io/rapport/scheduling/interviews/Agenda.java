package io.rapport.scheduling.interviews;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A member's agreed interviews between two dates, grouped by day in the member's time zone, each
 * with the contact's wall-clock time beside it so the member sees when they ask someone to talk.
 */
public record Agenda(ZoneId timeZone, LocalDate from, LocalDate to, List<Day> days) {

    public static final int MAX_DAYS = 366;

    public record Day(LocalDate date, List<Entry> entries) {
    }

    /**
     * @param contactDayShift the contact's calendar day minus the member's: -1 when it is still yesterday for them
     */
    public record Entry(String interviewId, String contactId, String contactName, String objective, InterviewStatus status,
            FormatKind format, Instant start, int minutes, LocalTime localStart, LocalTime localEnd,
            String contactTimeZone, LocalDateTime contactLocalStart, int contactDayShift) {
    }

    public static Agenda of(ZoneId zone, LocalDate from, LocalDate to, List<Interview> interviews) {
        Map<LocalDate, List<Entry>> byDay = interviews.stream()
                .filter(i -> i.slot() != null)
                .map(i -> entry(i, zone))
                .collect(Collectors.groupingBy(e -> e.start().atZone(zone).toLocalDate(), TreeMap::new, Collectors.toList()));
        return new Agenda(zone, from, to, byDay.entrySet().stream().map(d -> new Day(d.getKey(), List.copyOf(d.getValue()))).toList());
    }

    private static Entry entry(Interview interview, ZoneId zone) {
        Slot slot = interview.slot();
        LocalDateTime memberStart = LocalDateTime.ofInstant(slot.start(), zone);
        LocalDateTime contactStart = LocalDateTime.ofInstant(slot.start(), interview.contactTimeZone());
        return new Entry(interview.id(), interview.contactId(), interview.contactName(), interview.objective(),
                interview.status(), interview.format().kind(), slot.start(), slot.minutes(), memberStart.toLocalTime(),
                LocalDateTime.ofInstant(slot.end(), zone).toLocalTime(), interview.contactTimeZone().getId(), contactStart,
                (int) ChronoUnit.DAYS.between(memberStart.toLocalDate(), contactStart.toLocalDate()));
    }
}
