package io.rapport.gateway.identity;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Notes the validated token's member, tenant and roles on the exchange; {@link ServiceRequestHeaders} writes them
 * into the request to the service. Nothing is copied here: the request's headers are copied once, by the headers
 * filter, when the request to the service is built.
 */
@Component
class MemberIdentityFilter implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .doOnNext(principal -> {
                    if (principal instanceof JwtAuthenticationToken token) {
                        exchange.getAttributes().put(ForwardedIdentity.ATTRIBUTE, ForwardedIdentity.of(token));
                    }
                })
                .then(chain.filter(exchange));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
