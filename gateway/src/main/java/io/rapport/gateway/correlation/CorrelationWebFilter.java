package io.rapport.gateway.correlation;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every request gets a correlation id ({@code X-Request-Id}: the client's if sane, else new) and a
 * W3C {@code traceparent}; both go to the service, which writes the id into its logs and into every
 * event the request causes, and the id comes back to the client to quote — on errors too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationWebFilter implements WebFilter {

    static final String REQUEST_ID = "X-Request-Id";
    static final String TRACEPARENT = "traceparent";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(REQUEST_ID);
        String id = given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        String traceparent = exchange.getRequest().getHeaders().getFirst(TRACEPARENT);
        String trace = traceparent != null && TRACEPARENT_FORMAT.matcher(traceparent).matches() ? traceparent : newTraceparent();
        exchange.getResponse().getHeaders().set(REQUEST_ID, id);
        return chain.filter(exchange.mutate().request(request -> request.headers(headers -> {
            headers.set(REQUEST_ID, id);
            headers.set(TRACEPARENT, trace);
        })).build());
    }

    private static String newTraceparent() {
        byte[] traceId = new byte[16];
        byte[] spanId = new byte[8];
        RANDOM.nextBytes(traceId);
        RANDOM.nextBytes(spanId);
        return "00-" + HexFormat.of().formatHex(traceId) + "-" + HexFormat.of().formatHex(spanId) + "-01";
    }
}
