package io.rapport.platform.correlation;

import java.util.UUID;
import org.slf4j.MDC;

/**
 * The correlation id of the work in hand: taken from {@code X-Request-Id} at the HTTP edge or from
 * an event's envelope, written into every event this work emits and into every log line (MDC).
 */
public final class Correlation {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "correlationId";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Correlation() {
    }

    /** The current id, or a new one when this work did not start from a request or an event. */
    public static String current() {
        String id = CURRENT.get();
        return id != null ? id : UUID.randomUUID().toString();
    }

    public static void set(String id) {
        String value = id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
        CURRENT.set(value);
        MDC.put(MDC_KEY, value);
    }

    public static void clear() {
        CURRENT.remove();
        MDC.remove(MDC_KEY);
    }
}
