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
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(10))
                        .build())
                .build());
    }

    @Bean
    RouterFunction<ServerResponse> fallbackRoutes() {
        return RouterFunctions.route(RequestPredicates.path("/fallback/{service}"), request -> {
            String service = request.pathVariable("service");
            return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header("Retry-After", "10")
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
