package io.rapport.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.rapport.gateway.GatewayProperties;
import java.time.Duration;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A circuit breaker per route: a service that is down or slower than the timeout gets the caller a
 * 503 problem at once, and the other routes keep answering.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceFallback {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(GatewayProperties properties) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(properties.serviceTimeout()).build())
                .circuitBreakerConfig(breakerSettings())
                .build());
    }

    /**
     * How long an open breaker refuses before it lets a few calls through to see whether the service is back. It was
     * 10 s: the fault suite (issue 17) measured contacts-service answering through the gateway 8 s after its restart
     * had finished (43.2 s recovery, of which 1 s back-off and 34.2 s the restart), every call in between a 503 from the
     * breaker, not from the service; and with two instances one dead instance's refused connections open the route's
     * breaker for the healthy one too. A trial every 2 s costs a few refused connections while a service is down.
     */
    static final Duration OPEN_STATE_WAIT = Duration.ofSeconds(2);

    static CircuitBreakerConfig breakerSettings() {
        return CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(OPEN_STATE_WAIT)
                .permittedNumberOfCallsInHalfOpenState(5)
                .build();
    }

    @Bean
    RouterFunction<ServerResponse> fallbackRoutes() {
        return RouterFunctions.route(RequestPredicates.path("/fallback/{service}"), request -> {
            String service = request.pathVariable("service");
            return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header("Retry-After", Long.toString(OPEN_STATE_WAIT.toSeconds()))
                    .bodyValue(java.util.Map.of(
                            "type", "about:blank",
                            "status", 503,
                            "title", "Service unavailable",
                            "service", service,
                            "detail", service + " is not answering right now. Try again shortly; if you were changing "
                                    + "something, check whether it was saved before repeating it."));
        });
    }
}
