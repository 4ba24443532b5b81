package io.rapport.gateway.correlation;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's span for a request: the one the server observation (which also times {@code http.server.requests})
 * started before any filter ran, continuing the client's {@code traceparent} when it sent one. The service's span
 * becomes its child, so a trace starts at the gateway.
 */
final class ServerSpan {

    private ServerSpan() {
    }

    /** Its context as a W3C {@code traceparent} (sampled or not), or null when tracing is off. */
    static String traceparent(ServerWebExchange exchange, Propagator propagator) {
        if (propagator == null) {
            return null;
        }
        Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(tracing -> tracing.getSpan())
                .orElse(null);
        if (span == null) {
            return null;
        }
        // An unsampled span (isNoop) still carries the trace: the services must see its id and its "not sampled".
        Map<String, String> headers = new HashMap<>();
        propagator.inject(span.context(), headers, Map::put);
        return headers.get(Correlation.TRACEPARENT);
    }
}
