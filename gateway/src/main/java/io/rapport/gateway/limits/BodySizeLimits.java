package io.rapport.gateway.limits;

import io.rapport.gateway.GatewayProperties;
import io.rapport.gateway.security.ProblemJson;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The largest request body each kind of call may send, refused with a 413 problem before a service parses it:
 * JSON calls {@code rapport.gateway.max-body-size} (256 KB), the contact import's CSV
 * {@code rapport.gateway.max-import-size} (5 MB).
 *
 * <p>A declared {@code Content-Length} over the cap is refused at once; a body sent without one (chunked) is
 * counted as it arrives and refused when it passes the cap (Spring Cloud Gateway's RequestSize filter only reads
 * the header, so a chunked body went through whatever its size).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class BodySizeLimits implements WebFilter {

    static final String IMPORT_PATH = "/api/contacts/import";

    private final long maxBody;
    private final long maxImport;

    BodySizeLimits(GatewayProperties properties) {
        this.maxBody = properties.maxBodySize().toBytes();
        this.maxImport = properties.maxImportSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        boolean chunked = declared < 0 && request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
        if (declared <= 0 && !chunked) {
            return chain.filter(exchange);
        }
        long max = request.getMethod() == HttpMethod.POST && IMPORT_PATH.equals(request.getPath().value()) ? maxImport : maxBody;
        if (declared > max) {
            return tooLarge(exchange, max);
        }
        if (!chunked) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                long[] seen = {0};
                return super.getBody().handle((buffer, sink) -> {
                    seen[0] += buffer.readableByteCount();
                    if (seen[0] > max) {
                        DataBufferUtils.release(buffer);
                        sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, limitText(max)));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        }).build());
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange, long max) {
        // The body is never read, so this connection cannot carry another request.
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        return ProblemJson.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, "Request body too large", limitText(max));
    }

    static String limitText(long max) {
        return "This request's body may be at most " + (max >= 1024 * 1024 && max % (1024 * 1024) == 0
                ? max / (1024 * 1024) + " MB" : max >= 1024 && max % 1024 == 0 ? max / 1024 + " KB" : max + " bytes") + ".";
    }
}
