package io.rapport.gateway.balancing;

import io.rapport.gateway.GatewayProperties;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * With several instances of a service ({@code lb://} routes), a call one instance fails is tried once on the next
 * instance, when that cannot apply anything twice:
 * <ul>
 *   <li>a read (GET, HEAD) that one instance does not answer within {@code rapport.gateway.read-try-timeout}, or
 *   answers with a 5xx, or whose connection fails, while the load balancer knows another healthy instance. A frozen
 *   instance (a long pause, SIGSTOP) still accepts connections, and until the health check drops it (1 s interval)
 *   the calls sent to it waited out the whole service timeout: the fault suite (issue 17) measured 10.3 s without an
 *   answer on the frozen instance's route, its twin healthy all along. With one healthy instance a slow read is left
 *   to finish: cut and sent again it would land on the same instance, which a saturated machine showed (a starved
 *   twin answering in more than 4 s while its pair restarted);</li>
 *   <li>any call whose connection was refused (an instance just killed, before the health check drops it): the
 *   request never left the gateway. A write that reached an instance is never sent to another: if it goes
 *   unanswered the member gets the 503 problem, which says to check before repeating.</li>
 * </ul>
 * Routes to a single address pass through untouched: trying the same instance again would only double the work of a
 * slow read. The route's circuit breaker sits outside and sees one call, so a failed first try that the twin answered
 * does not count against the service.
 */
@Component
public class TryAnotherInstanceGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private final GatewayFilter readAgain;
    private final GatewayFilter connectAgain;
    private final Duration readTryTimeout;
    private final ObjectProvider<LoadBalancerClientFactory> loadBalancers;

    public TryAnotherInstanceGatewayFilterFactory(RetryGatewayFilterFactory retries, GatewayProperties properties,
            ObjectProvider<LoadBalancerClientFactory> loadBalancers) {
        super(Object.class);
        this.loadBalancers = loadBalancers;
        this.readAgain = retries.apply(new RetryConfig()
                .setRetries(1)
                .setMethods(HttpMethod.GET, HttpMethod.HEAD)
                .setSeries(HttpStatus.Series.SERVER_ERROR)
                .setExceptions(IOException.class, TimeoutException.class));
        this.connectAgain = retries.apply(new RetryConfig()
                .setRetries(1)
                .setMethods(HttpMethod.values())
                .setSeries()
                .setExceptions(ConnectException.class));
        this.readTryTimeout = properties.readTryTimeout();
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> {
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            if (route == null || !"lb".equals(route.getUri().getScheme())) {
                return chain.filter(exchange);
            }
            HttpMethod method = exchange.getRequest().getMethod();
            if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
                return connectAgain.filter(exchange, chain);
            }
            return healthyInstances(route.getUri().getHost()).flatMap(healthy -> healthy < 2
                    ? connectAgain.filter(exchange, chain)
                    // Each try subscribes to the rest of the chain again (the load balancer's choice included), so
                    // the timeout is per try; it ends when the response headers arrive, the body is written after.
                    : readAgain.filter(exchange, tryExchange -> chain.filter(tryExchange).timeout(readTryTimeout)));
        };
    }

    /** The instances the load balancer's health checks last found UP (their latest result, not a new check). */
    private Mono<Integer> healthyInstances(String serviceId) {
        LoadBalancerClientFactory factory = loadBalancers.getIfAvailable();
        ServiceInstanceListSupplier instances = factory == null || serviceId == null ? null
                : factory.getInstance(serviceId, ServiceInstanceListSupplier.class);
        if (instances == null) {
            return Mono.just(0);
        }
        return instances.get().next().map(List::size).defaultIfEmpty(0);
    }
}
