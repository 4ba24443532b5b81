package io.rapport.gateway.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;

/** Errors raised in the gateway itself (no route, a bad request line, a failure) are problems too. */
@Component
@Order(-2)
class ProblemErrors implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrors.class);
    /** Long enough for a provider's brief outage or restart; the client may retry sooner. */
    private static final Duration PROVIDER_RETRY_AFTER = Duration.ofSeconds(10);
    /**
     * During a provider outage every member's request is refused: one WARN line per request would bury the log, so
     * the refusals are counted ({@code rapport_gateway_signin_unavailable_total}, alert RapportSignInUnavailable) and
     * written at most once in this long, with how many there were.
     */
    private static final Duration OUTAGE_LOG_INTERVAL = Duration.ofSeconds(30);
    private final DisconnectedClientHelper clientGone = new DisconnectedClientHelper(ProblemErrors.class.getName());
    private final Counter signInUnavailable;
    private final AtomicLong refusedSinceLogged = new AtomicLong();
    private final AtomicLong nextOutageLogNanos = new AtomicLong(System.nanoTime());

    ProblemErrors(MeterRegistry meters) {
        this.signInUnavailable = Counter.builder("rapport.gateway.signin.unavailable")
                .description("Requests answered 503 because the sign-in provider's keys could not be fetched")
                .register(meters);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
            HttpStatus resolved = code == null ? HttpStatus.INTERNAL_SERVER_ERROR : code;
            String detail = resolved == HttpStatus.NOT_FOUND ? "Nothing is served at " + exchange.getRequest().getPath() + "."
                    : status.getReason() == null ? resolved.getReasonPhrase() : status.getReason();
            return ProblemJson.write(exchange.getResponse(), resolved, resolved.getReasonPhrase(), detail);
        }
        // A client that hung up mid-request (wrk at the end of a run, a closed browser tab) is not our failure.
        if (clientGone.checkAndLogClientDisconnectedException(failure)) {
            return Mono.empty();
        }
        if (failure instanceof ProviderOutageDecoder.IdentityProviderUnavailable outage) {
            signInUnavailable.increment();
            logOutage(outage);
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(PROVIDER_RETRY_AFTER.toSeconds()));
            return ProblemJson.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, "Sign-in unavailable",
                    "Your organization's sign-in provider could not be reached to check the token; try again shortly.");
        }
        log.error("Unexpected failure in the gateway", failure);
        return ProblemJson.write(exchange.getResponse(), HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong in the gateway; try again, and quote the X-Request-Id if it persists.");
    }

    private void logOutage(ProviderOutageDecoder.IdentityProviderUnavailable outage) {
        long refused = refusedSinceLogged.incrementAndGet();
        long due = nextOutageLogNanos.get();
        long now = System.nanoTime();
        if (now - due >= 0 && nextOutageLogNanos.compareAndSet(due, now + OUTAGE_LOG_INTERVAL.toNanos())) {
            refusedSinceLogged.addAndGet(-refused);
            log.warn("{}: answered 503 ({}); {} request(s) refused so since the last such line", outage.getMessage(),
                    String.valueOf(outage.getCause()), refused);
        }
    }
}
