package io.rapport.notes.goals;

import io.rapport.events.ActionItemCreated;
import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A growth-plan goal: a title, the themes it answers, a metric with a target, a due date and the
 * quarter it is reviewed in. Its due date is announced as an action item so reminders see it.
 */
public record Goal(String id, Member owner, String title, List<String> themes, String metric, double target,
        LocalDate dueOn, String quarter, String actionItemId, List<Progress> progress, Instant createdAt,
        long version) {

    public static final int MAX_TEXT = 200;
    public static final int MAX_THEMES = 20;
    public static final int MAX_NOTE = 1000;
    /** Targets and progress are counts or amounts a person reaches in a quarter or a year. */
    public static final double MIN_TARGET = 0.01;
    public static final double MAX_AMOUNT = 1_000_000;

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public Goal {
        themes = List.copyOf(themes);
        progress = List.copyOf(progress);
    }

    /** @throws InvalidInputException naming every field at fault */
    public static Change<Goal> create(String id, String actionItemId, Member owner, String title, List<String> themes,
            String metric, Double target, LocalDate dueOn, String quarter, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanTitle = Fields.requiredText(title, "title", MAX_TEXT, problems);
        String cleanMetric = Fields.requiredText(metric, "metric", MAX_TEXT, problems);
        List<String> cleanThemes = new ArrayList<>();
        List<String> givenThemes = themes == null ? List.of() : Objects.requireNonNullElse(
                Fields.atMost(themes, MAX_THEMES, "themes", problems), List.of());
        for (int i = 0; i < givenThemes.size(); i++) {
            String theme = Fields.requiredText(givenThemes.get(i), "themes[" + i + "]", MAX_TEXT, problems);
            if (theme != null) {
                cleanThemes.add(theme);
            }
        }
        if (target == null) {
            problems.add(new FieldProblem("target", "is required"));
        }
        Fields.between(target, MIN_TARGET, MAX_AMOUNT, "target", problems);
        if (dueOn == null) {
            problems.add(new FieldProblem("dueOn", "is required (YYYY-MM-DD)"));
        }
        String cleanQuarter = Fields.clean(quarter);
        if (cleanQuarter == null && dueOn != null) {
            cleanQuarter = quarterOf(dueOn);
        } else if (cleanQuarter == null || !QUARTER.matcher(cleanQuarter).matches()) {
            problems.add(new FieldProblem("quarter", "must look like 2026-Q4"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Goal goal = new Goal(id, owner, cleanTitle, cleanThemes, cleanMetric, target, dueOn, cleanQuarter, actionItemId,
                List.of(), now, 0);
        return Change.of(goal, new ActionItemCreated(actionItemId, null, id, "Goal due: " + cleanTitle, dueOn));
    }

    public Change<Goal> update(Double value, String note, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (value == null) {
            problems.add(new FieldProblem("value", "is required"));
        }
        Fields.between(value, 0, MAX_AMOUNT, "value", problems);
        String cleanNote = Fields.text(note, "note", MAX_NOTE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Progress> updates = new ArrayList<>(progress);
        updates.add(new Progress(value, cleanNote, now));
        return new Change<>(new Goal(id, owner, title, themes, metric, target, dueOn, quarter, actionItemId, updates,
                createdAt, version), List.of());
    }

    public double current() {
        return progress.isEmpty() ? 0 : progress.getLast().value();
    }

    /** The share of the target that should be reached by {@code now} if progress were even from creation to due date. */
    public double expectedByNow(Instant now) {
        Instant due = dueOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long total = Duration.between(createdAt, due).toMillis();
        long elapsed = Duration.between(createdAt, now).toMillis();
        if (total <= 0 || elapsed >= total) {
            return target;
        }
        return target * Math.max(0, elapsed) / total;
    }

    public boolean behindSchedule(Instant now) {
        return current() < target && current() < expectedByNow(now);
    }

    public static String quarterOf(LocalDate date) {
        return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }

    public static boolean isQuarter(String quarter) {
        Matcher matcher = quarter == null ? null : QUARTER.matcher(quarter);
        return matcher != null && matcher.matches();
    }
}
