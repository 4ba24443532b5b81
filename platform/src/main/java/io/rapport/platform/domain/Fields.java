package io.rapport.platform.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one way every service reads raw request values into domain values. Each check adds a
 * {@link FieldProblem} to the caller's list (so a request is refused once, naming every field at
 * fault) and returns the clean value, or null when it is absent or wrong; {@link #check} throws the
 * collected problems as an {@link InvalidInputException} (400). The messages are the same everywhere:
 * "is required", "must be at most N characters", "must be one of A, B, C", "must be between N and M".
 */
public final class Fields {

    private Fields() {
    }

    /** Free text as members type it: blank is absent, surrounding white space is dropped. */
    public static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Optional free text: cleaned, at most {@code max} characters. */
    public static String text(String value, String field, int max, List<FieldProblem> problems) {
        String clean = clean(value);
        if (clean != null && clean.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
            return null;
        }
        return clean;
    }

    /** Required free text: cleaned, present, at most {@code max} characters. */
    public static String requiredText(String value, String field, int max, List<FieldProblem> problems) {
        if (clean(value) == null) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        return text(value, field, max, problems);
    }

    /** Optional free text of a single-field request; throws when it is too long. */
    public static String text(String value, String field, int max) {
        return checked(problems -> text(value, field, max, problems));
    }

    /**
     * A constant of {@code type} by name, ignoring case and reading spaces and hyphens as
     * underscores ("day to day", "day-to-day" and "DAY_TO_DAY" are one value); empty when the value
     * is absent or names no constant.
     */
    public static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String value) {
        String clean = clean(value);
        if (clean == null) {
            return Optional.empty();
        }
        String name = clean.toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(name)).findFirst();
    }

    /** Optional choice: null when absent; a value naming no constant is "must be one of …". */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String value, String field, List<FieldProblem> problems) {
        if (clean(value) == null) {
            return null;
        }
        Optional<E> parsed = enumValue(type, value);
        if (parsed.isEmpty()) {
            problems.add(new FieldProblem(field, "must be one of " + choices(type)));
            return null;
        }
        return parsed.get();
    }

    /** Required choice: absent is "is required: one of …", a wrong value "must be one of …". */
    public static <E extends Enum<E>> E requiredOneOf(Class<E> type, String value, String field,
            List<FieldProblem> problems) {
        if (clean(value) == null) {
            problems.add(new FieldProblem(field, "is required: one of " + choices(type)));
            return null;
        }
        return oneOf(type, value, field, problems);
    }

    /** Required choice of a single-field request; throws when absent or wrong. */
    public static <E extends Enum<E>> E requiredOneOf(Class<E> type, String value, String field) {
        return checked(problems -> requiredOneOf(type, value, field, problems));
    }

    /** Optional choice of a single-field request; null when absent, throws when wrong. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String value, String field) {
        return checked(problems -> oneOf(type, value, field, problems));
    }

    /** The constants a member may choose from, as the messages list them. */
    public static <E extends Enum<E>> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** Optional whole number within {@code [min, max]}; null when absent. */
    public static Integer between(Integer value, int min, int max, String field, List<FieldProblem> problems) {
        if (value != null && (value < min || value > max)) {
            problems.add(new FieldProblem(field, "must be between " + min + " and " + max));
            return null;
        }
        return value;
    }

    /** Whole number of a single-field request (a query parameter); throws when outside {@code [min, max]}. */
    public static int between(int value, int min, int max, String field) {
        return checked(problems -> between(Integer.valueOf(value), min, max, field, problems));
    }

    /** Optional number within {@code [min, max]}; null when absent. Not-a-number and infinities are outside. */
    public static Double between(Double value, double min, double max, String field, List<FieldProblem> problems) {
        if (value != null && !(value >= min && value <= max)) {
            problems.add(new FieldProblem(field, "must be between " + plain(min) + " and " + plain(max)));
            return null;
        }
        return value;
    }

    /** An optional list of at most {@code max} items; null is absent. */
    public static <T> List<T> atMost(List<T> values, int max, String field, List<FieldProblem> problems) {
        if (values != null && values.size() > max) {
            problems.add(new FieldProblem(field, "must have at most " + max + " items"));
            return null;
        }
        return values;
    }

    /** Refuses the request when any check failed, naming every field at fault. */
    public static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static <T> T checked(Function<List<FieldProblem>, T> read) {
        List<FieldProblem> problems = new ArrayList<>();
        T value = read.apply(problems);
        check(problems);
        return value;
    }

    private static String plain(double bound) {
        return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? Long.toString((long) bound)
                : BigDecimal.valueOf(bound).toPlainString();
    }
}
