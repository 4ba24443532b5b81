package io.rapport.gateway.limits;

import io.rapport.gateway.GatewayProperties;
import io.rapport.gateway.security.ProblemJson;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every routed call spends one token of its member's budget (see {@link RateLimits} for where budgets live); over
 * budget, the caller gets a 429 problem with {@code Retry-After} and the service is not called.
 *
 * <p>Spring Cloud Gateway's RequestRateLimiter filter does the same with the same limiters, but answers 429 with
 * an empty body, and as a default filter it ran inside each route's circuit breaker; this runs before it.
 */
@Component
class MemberRateLimit implements GlobalFilter, Ordered {

    private final RateLimiter<?> limiter;
    private final KeyResolver keys;
    private final String retryAfter;

    MemberRateLimit(RateLimiter<?> limiter, KeyResolver memberKeyResolver, GatewayProperties properties) {
        this.limiter = limiter;
        this.keys = memberKeyResolver;
        this.retryAfter = Long.toString(Math.max(1, (long) Math.ceil(1.0 / properties.rateLimit().perSecond())));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String routeId = route == null ? "unrouted" : route.getId();
        return keys.resolve(exchange).flatMap(key -> limiter.isAllowed(routeId, key)).flatMap(response -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
                headers.set(header.getKey(), header.getValue());
            }
            if (response.isAllowed()) {
                return chain.filter(exchange);
            }
            headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
            return ProblemJson.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "You are sending requests faster than your limit allows; try again after " + retryAfter + " s.");
        });
    }

    /** After the identity is noted, before the route's own filters (its circuit breaker) and the call. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
