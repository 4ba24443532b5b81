package io.rapport.gateway.identity;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Before anything else: identity headers never come from a client. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class StripClientIdentity implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange.mutate().request(request -> request.headers(headers -> {
            headers.remove(MemberIdentityFilter.MEMBER);
            headers.remove(MemberIdentityFilter.TENANT);
            headers.remove(MemberIdentityFilter.ROLES);
        })).build());
    }
}
