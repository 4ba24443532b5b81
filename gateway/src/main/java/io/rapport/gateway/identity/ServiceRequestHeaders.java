package io.rapport.gateway.identity;

import io.rapport.gateway.correlation.Correlation;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers of every request the gateway sends to a service, built in one copy of the client's headers: the
 * validated token's member, tenant and roles go to the service as an identity token the gateway signs
 * ({@code X-Rapport-Identity}, see {@link IdentityTokenSigner}), the only identity a service believes. Whatever a
 * client sent under that name or the old plain identity headers ({@code X-Member-Id}, {@code X-Tenant-Id},
 * {@code X-Member-Roles}) is dropped; the correlation id and {@code traceparent} are added.
 *
 * <p>Spring Cloud Gateway applies it to every request it routes, and routing is the only way a request reaches a
 * service.
 */
@Component
class ServiceRequestHeaders implements HttpHeadersFilter, Ordered {

    static final String MEMBER = "X-Member-Id";
    static final String TENANT = "X-Tenant-Id";
    static final String ROLES = "X-Member-Roles";
    static final String IDENTITY = IdentityTokenSigner.HEADER;

    private final IdentityTokenSigner signer;

    ServiceRequestHeaders(IdentityTokenSigner signer) {
        this.signer = signer;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!MEMBER.equalsIgnoreCase(name) && !TENANT.equalsIgnoreCase(name) && !ROLES.equalsIgnoreCase(name)
                    && !IDENTITY.equalsIgnoreCase(name)) {
                headers.addAll(name, values);
            }
        });
        ForwardedIdentity identity = exchange.getAttribute(ForwardedIdentity.ATTRIBUTE);
        if (identity != null) {
            headers.set(IDENTITY, signer.tokenFor(identity));
        }
        Correlation correlation = exchange.getAttribute(Correlation.ATTRIBUTE);
        if (correlation != null) {
            headers.set(Correlation.REQUEST_ID, correlation.requestId());
            headers.set(Correlation.TRACEPARENT, correlation.traceparent());
        }
        return headers;
    }

    /** First, so the filters after it (hop-by-hop removal, X-Forwarded-*) see the request as it will be sent. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
