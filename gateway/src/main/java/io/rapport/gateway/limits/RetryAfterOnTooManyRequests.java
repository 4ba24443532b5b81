package io.rapport.gateway.limits;

import io.rapport.gateway.GatewayProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** A member over the limit is told when to come back: 429 always carries Retry-After. */
@Component
class RetryAfterOnTooManyRequests implements WebFilter {

    private final String seconds;

    RetryAfterOnTooManyRequests(GatewayProperties properties) {
        this.seconds = Long.toString(Math.max(1, (long) Math.ceil(1.0 / properties.rateLimit().perSecond())));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            if (HttpStatus.TOO_MANY_REQUESTS.equals(exchange.getResponse().getStatusCode())
                    && !exchange.getResponse().getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, seconds);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
