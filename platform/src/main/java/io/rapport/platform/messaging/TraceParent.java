package io.rapport.platform.messaging;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;

/**
 * The W3C {@code traceparent} of the work in hand, kept with each pending event so that the trace goes on past the
 * outbox: the request (or record) that wrote the event is a different thread, and often a different instance, from
 * the relay that publishes it. The relay resumes it around the send, so the producer span, and through the record's
 * {@code traceparent} header every consumer, joins the trace the write belongs to.
 */
public final class TraceParent {

    /** The Kafka header (and HTTP header) name the W3C trace context travels under. */
    public static final String HEADER = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<String> ONLY_TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceparent) {
            return List.of(HEADER);
        }

        @Override
        public String get(String traceparent, String key) {
            return HEADER.equals(key) ? traceparent : null;
        }
    };

    private TraceParent() {
    }

    /** The current span's context as a {@code traceparent} value, or null outside any trace (tracing off, a startup task). */
    public static String current() {
        String[] found = new String[1];
        W3C.inject(Context.current(), found, (carrier, key, value) -> {
            if (HEADER.equals(key)) {
                carrier[0] = value;
            }
        });
        return found[0];
    }

    /**
     * Makes the given trace context the parent of what this thread does until the scope is closed; a missing or
     * malformed value (an event written before tracing existed) leaves the work in a trace of its own.
     */
    public static Scope resume(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Scope.noop();
        }
        return W3C.extract(Context.root(), traceparent, ONLY_TRACEPARENT).makeCurrent();
    }
}
