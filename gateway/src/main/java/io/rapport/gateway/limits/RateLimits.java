package io.rapport.gateway.limits;

import io.rapport.gateway.GatewayProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Per-member limits with Spring Cloud Gateway's rate limiters, applied by {@link MemberRateLimit}: counters in Redis
 * when configured (so the limit holds across gateway instances), in this process otherwise.
 */
@Configuration(proxyBeanMethods = false)
public class RateLimits {

    /** The same member of the same organization shares one budget, whatever device they call from. */
    @Bean
    KeyResolver memberKeyResolver() {
        return exchange -> exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .map(token -> token.getToken().getClaimAsString("tenant") + "/" + token.getName())
                // Public pages (the API documents) are limited per client address instead.
                .switchIfEmpty(Mono.fromSupplier(() -> exchange.getRequest().getRemoteAddress() == null ? "anonymous"
                        : "address/" + exchange.getRequest().getRemoteAddress().getAddress().getHostAddress()));
    }

    @Bean
    @Primary
    @ConditionalOnProperty(name = "rapport.gateway.rate-limit.store", havingValue = "redis")
    RateLimiter<?> sharedMemberRateLimiter(GatewayProperties properties) {
        return new RedisRateLimiter(properties.rateLimit().perSecond(), properties.rateLimit().burst());
    }

    @Bean
    @Primary
    @ConditionalOnProperty(name = "rapport.gateway.rate-limit.store", havingValue = "memory", matchIfMissing = true)
    RateLimiter<?> localMemberRateLimiter(GatewayProperties properties) {
        return new InMemoryRateLimiter(properties.rateLimit().perSecond(), properties.rateLimit().burst());
    }
}
