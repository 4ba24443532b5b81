package io.rapport.gateway.correlation;

import io.micrometer.tracing.propagation.Propagator;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every request gets a correlation id ({@code X-Request-Id}: the client's if sane, else new) and a
 * W3C {@code traceparent} (the gateway's own span for the request, which continues the client's trace if it sent
 * one; without tracing, the client's or a new one); both go to the service (written by the headers filter that builds the service's
 * request), which writes the id into its logs and into every event the request causes, and the id comes back to
 * the client to quote — on errors too, and once (the service's echo of it is replaced, not repeated).
 *
 * <p>New ids come from {@link ThreadLocalRandom}: they must be unique and well spread, not secret, and the shared
 * {@code SecureRandom} behind {@link UUID#randomUUID()} is a lock every request would queue on.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationWebFilter implements WebFilter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Null when tracing is off. Looked up once: a lookup per request (by type, over every bean) was 3 % of the CPU. */
    private final Propagator propagator;

    CorrelationWebFilter(ObjectProvider<Propagator> propagator) {
        this.propagator = propagator.getIfAvailable();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(Correlation.REQUEST_ID);
        String id = isSafeId(given) ? given : newRequestId();
        String traceparent = ServerSpan.traceparent(exchange, propagator);
        if (traceparent == null) {
            traceparent = exchange.getRequest().getHeaders().getFirst(Correlation.TRACEPARENT);
        }
        String trace = isTraceparent(traceparent) ? traceparent : newTraceparent();
        exchange.getAttributes().put(Correlation.ATTRIBUTE, new Correlation(id, trace));
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(Correlation.REQUEST_ID, id);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** 1-128 of {@code A-Za-z0-9._:-}. */
    static boolean isSafeId(String id) {
        if (id == null || id.isEmpty() || id.length() > 128) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!safe) {
                return false;
            }
        }
        return true;
    }

    /** {@code 00-<32 hex>-<16 hex>-<2 hex>}, lower case. */
    static boolean isTraceparent(String value) {
        if (value == null || value.length() != 55) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean dash = i == 2 || i == 35 || i == 52;
            if (dash ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** A version 4 (random) UUID. */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    static String newTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[55];
        out[0] = '0';
        out[1] = '0';
        out[2] = '-';
        hex(random.nextLong(), out, 3);
        hex(random.nextLong(), out, 19);
        out[35] = '-';
        hex(random.nextLong(), out, 36);
        out[52] = '-';
        out[53] = '0';
        out[54] = '1';
        return new String(out);
    }

    private static void hex(long value, char[] out, int at) {
        for (int i = 15; i >= 0; i--) {
            out[at + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
