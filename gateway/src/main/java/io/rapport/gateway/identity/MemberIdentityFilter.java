package io.rapport.gateway.identity;

import io.rapport.gateway.security.TokenClaims;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The services trust {@code X-Member-Id} and {@code X-Tenant-Id} because only the gateway reaches
 * them: whatever a client sent is removed, and the validated token's member and tenant are set.
 */
@Component
class MemberIdentityFilter implements GlobalFilter, Ordered {

    static final String MEMBER = "X-Member-Id";
    static final String TENANT = "X-Tenant-Id";
    static final String ROLES = "X-Member-Roles";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .map(token -> exchange.mutate().request(request -> request.headers(headers -> {
                    headers.set(MEMBER, token.getToken().getSubject());
                    headers.set(TENANT, token.getToken().getClaimAsString(TokenClaims.TENANT));
                    headers.set(ROLES, String.join(",", token.getAuthorities().stream()
                            .map(authority -> authority.getAuthority().replaceFirst("^ROLE_", "").toLowerCase()).toList()));
                })).build())
                .defaultIfEmpty(exchange)
                .flatMap(chain::filter);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
