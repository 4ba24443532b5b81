package io.rapport.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Services trust the identity headers because only the gateway reaches them, so the gateway removes
 * any a client sends. (Setting them from a validated token is the gateway's authentication, still
 * to come.) In the embedded default's dev-identity mode the client's headers are passed on instead.
 */
@Component
class IdentityHeadersFilter implements GlobalFilter, Ordered {

    static final String MEMBER = "X-Member-Id";
    static final String TENANT = "X-Tenant-Id";
    private static final Logger log = LoggerFactory.getLogger(IdentityHeadersFilter.class);

    private final boolean devIdentity;

    IdentityHeadersFilter(GatewayProperties properties) {
        this.devIdentity = properties.devIdentity();
        if (devIdentity) {
            log.warn("DEV IDENTITY IS ON: clients choose their member with X-Member-Id/X-Tenant-Id. "
                    + "This is for the embedded default on one machine and never for production.");
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (devIdentity) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> {
                    headers.remove(MEMBER);
                    headers.remove(TENANT);
                }))
                .build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
