package io.rapport.gateway.balancing;

import io.rapport.gateway.GatewayProperties;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * With several instances of a service ({@code lb://} routes), a call one instance fails is tried once on the next
 * instance, when that cannot apply anything twice:
 * <ul>
 *   <li>a read (GET, HEAD) that one instance does not answer within {@code rapport.gateway.read-try-timeout}, or
 *   answers with a 5xx, or whose connection fails. A frozen instance (a long pause, SIGSTOP) still accepts
 *   connections, and until the load balancer's health check drops it (1 s interval) the calls sent to it waited out
 *   the whole service timeout: the fault suite (issue 17) measured 10.3 s without an answer on the frozen instance's
 *   route, its twin healthy all along;</li>
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

    public TryAnotherInstanceGatewayFilterFactory(RetryGatewayFilterFactory retries, GatewayProperties properties) {
        super(Object.class);
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
            if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
                // Each try subscribes to the rest of the chain again (the load balancer's choice included), so the
                // timeout is per try; it ends when the instance's response headers arrive, the body is written after.
                return readAgain.filter(exchange, tryExchange -> chain.filter(tryExchange).timeout(readTryTimeout));
            }
            return connectAgain.filter(exchange, chain);
        };
    }
}
