package io.rapport.gateway.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.gateway.filter.ratelimit.AbstractRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import reactor.core.publisher.Mono;

/**
 * A token bucket per member in this process, with the same semantics as Spring Cloud Gateway's
 * Redis limiter (refill per second, burst capacity): the limiter of the embedded default, where
 * one gateway runs.
 */
public class InMemoryRateLimiter extends AbstractRateLimiter<InMemoryRateLimiter.Config> {

    private static final String CONFIGURATION_PROPERTY_NAME = "in-memory-rate-limiter";

    private final Config defaults;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public InMemoryRateLimiter(int perSecond, int burst) {
        super(Config.class, CONFIGURATION_PROPERTY_NAME, (ConfigurationService) null);
        this.defaults = new Config(perSecond, burst);
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        Config config = getConfig().getOrDefault(routeId, defaults);
        Bucket bucket = buckets.computeIfAbsent(id, key -> new Bucket(config.burstCapacity(), System.nanoTime()));
        long remaining;
        boolean allowed;
        synchronized (bucket) {
            long now = System.nanoTime();
            double refilled = (now - bucket.updatedAt) / 1_000_000_000.0 * config.replenishRate();
            bucket.tokens = Math.min(config.burstCapacity(), bucket.tokens + refilled);
            bucket.updatedAt = now;
            allowed = bucket.tokens >= 1;
            if (allowed) {
                bucket.tokens -= 1;
            }
            remaining = (long) Math.floor(bucket.tokens);
        }
        return Mono.just(new Response(allowed, Map.of(
                "X-RateLimit-Remaining", Long.toString(remaining),
                "X-RateLimit-Replenish-Rate", Integer.toString(config.replenishRate()),
                "X-RateLimit-Burst-Capacity", Integer.toString(config.burstCapacity()))));
    }

    /** Tokens added per second, and the most a member may save up. */
    public record Config(int replenishRate, int burstCapacity) {
    }

    private static final class Bucket {
        private double tokens;
        private long updatedAt;

        private Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }
}
