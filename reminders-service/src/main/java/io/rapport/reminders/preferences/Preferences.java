package io.rapport.reminders.preferences;

import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.InvalidInputException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How a member wants to be reminded. {@code timeZone} is null until the member sets one; the zone
 * their events carry is used meanwhile ({@code observedTimeZone}).
 */
public record Preferences(
        ZoneId timeZone,
        ZoneId observedTimeZone,
        LocalTime morning,
        Set<Channel> channels,
        String email,
        boolean digest,
        QuietHours quietHours,
        SortedSet<LocalDate> holidays,
        int keepInTouchDays) {

    public static final LocalTime DEFAULT_MORNING = LocalTime.of(9, 0);
    public static final int DEFAULT_KEEP_IN_TOUCH_DAYS = 90;
    public static final Preferences DEFAULTS = new Preferences(null, null, DEFAULT_MORNING, Set.of(Channel.IN_APP),
            null, false, null, new TreeSet<>(), DEFAULT_KEEP_IN_TOUCH_DAYS);

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    public static final int MAX_HOLIDAYS = 400;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_ZONE = 64;
    public static final int MIN_KEEP_IN_TOUCH_DAYS = 7;
    public static final int MAX_KEEP_IN_TOUCH_DAYS = 730;

    public Preferences {
        channels = channels == null || channels.isEmpty() ? Set.of(Channel.IN_APP) : Set.copyOf(channels);
        holidays = holidays == null ? new TreeSet<>() : new TreeSet<>(holidays);
        morning = morning == null ? DEFAULT_MORNING : morning;
        keepInTouchDays = keepInTouchDays <= 0 ? DEFAULT_KEEP_IN_TOUCH_DAYS : keepInTouchDays;
    }

    /** The zone reminders are computed in: the member's choice, else the one their events carry, else UTC. */
    public ZoneId zone() {
        return timeZone != null ? timeZone : observedTimeZone != null ? observedTimeZone : ZoneId.of("UTC");
    }

    public boolean byEmail() {
        return channels.contains(Channel.EMAIL) && email != null;
    }

    public MemberCalendar calendar() {
        return new MemberCalendar(zone(), morning, holidays, quietHours);
    }

    public Preferences withObservedTimeZone(ZoneId zone) {
        return new Preferences(timeZone, zone, morning, channels, email, digest, quietHours, holidays, keepInTouchDays);
    }

    /**
     * Validates what the member sent. Absent fields take their defaults.
     *
     * @throws InvalidInputException naming every field at fault
     */
    public static Preferences of(String timeZone, String morning, List<String> channels, String email, Boolean digest,
            String quietStart, String quietEnd, List<String> holidays, Integer keepInTouchDays, ZoneId observed) {
        List<FieldProblem> problems = new ArrayList<>();
        ZoneId zone = null;
        String cleanZone = Fields.text(timeZone, "timeZone", MAX_ZONE, problems);
        if (cleanZone != null) {
            try {
                zone = ZoneId.of(cleanZone);
            } catch (DateTimeException e) {
                problems.add(new FieldProblem("timeZone", "is not an IANA time zone such as Asia/Tokyo"));
            }
        }
        LocalTime morningTime = time(morning, "morningHour", problems);
        Set<Channel> chosen = EnumSet.of(Channel.IN_APP);
        List<String> givenChannels = channels == null ? List.of() : channels;
        for (int i = 0; i < givenChannels.size(); i++) {
            Channel channel = Fields.requiredOneOf(Channel.class, givenChannels.get(i), "channels[" + i + "]", problems);
            if (channel != null) {
                chosen.add(channel);
            }
        }
        String cleanEmail = Fields.clean(email);
        if (cleanEmail != null && (cleanEmail.length() > MAX_EMAIL || !EMAIL.matcher(cleanEmail).matches())) {
            problems.add(new FieldProblem("email", "is not an e-mail address"));
        }
        if (chosen.contains(Channel.EMAIL) && cleanEmail == null) {
            problems.add(new FieldProblem("email", "is required when the EMAIL channel is chosen"));
        }
        boolean wantsDigest = Boolean.TRUE.equals(digest);
        if (wantsDigest && !chosen.contains(Channel.EMAIL)) {
            problems.add(new FieldProblem("digest", "is an e-mail: choose the EMAIL channel too"));
        }
        LocalTime start = time(quietStart, "quietHours.start", problems);
        LocalTime end = time(quietEnd, "quietHours.end", problems);
        QuietHours quiet = null;
        if ((start == null) != (end == null)) {
            problems.add(new FieldProblem(start == null ? "quietHours.start" : "quietHours.end",
                    "is required when the other end of the quiet hours is given"));
        } else if (start != null) {
            quiet = new QuietHours(start, end);
            if (quiet.contains(morningTime == null ? DEFAULT_MORNING : morningTime)) {
                problems.add(new FieldProblem("morningHour", "falls inside your quiet hours"));
            }
        }
        SortedSet<LocalDate> days = new TreeSet<>();
        List<String> given = holidays == null ? List.of() : holidays;
        Fields.atMost(given, MAX_HOLIDAYS, "holidays", problems);
        for (int i = 0; i < given.size() && i < MAX_HOLIDAYS; i++) {
            try {
                days.add(LocalDate.parse(given.get(i).trim()));
            } catch (RuntimeException e) {
                problems.add(new FieldProblem("holidays[" + i + "]", "is not a date such as 2026-12-25"));
            }
        }
        int cadence = keepInTouchDays == null ? DEFAULT_KEEP_IN_TOUCH_DAYS : keepInTouchDays;
        Fields.between(cadence, MIN_KEEP_IN_TOUCH_DAYS, MAX_KEEP_IN_TOUCH_DAYS, "keepInTouchDays", problems);
        Fields.check(problems);
        return new Preferences(zone, observed, morningTime, chosen, cleanEmail, wantsDigest, quiet, days, cadence);
    }

    private static LocalTime time(String value, String field, List<FieldProblem> problems) {
        String clean = Fields.clean(value);
        if (clean == null) {
            return null;
        }
        try {
            return LocalTime.parse(clean);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "is not a time of day such as 09:00"));
            return null;
        }
    }
}
