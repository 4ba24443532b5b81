package io.rapport.gateway.balancing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Balancing over several instances of each service: Spring Cloud LoadBalancer's {@code health-check} configuration
 * asks each instance for its health with a {@link WebClient} it takes from the context, which the gateway has no
 * other use for; so it exists only when balancing is on ({@code spring.cloud.loadbalancer.enabled}, set by
 * {@code ./rapport run --instances=N}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.cloud.loadbalancer.enabled", havingValue = "true")
public class LoadBalancing {

    @Bean
    WebClient.Builder healthCheckWebClient() {
        return WebClient.builder();
    }
}
