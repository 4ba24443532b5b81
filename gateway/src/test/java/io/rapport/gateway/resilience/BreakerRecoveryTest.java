package io.rapport.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A route's breaker, opened by a service that went away, must try it again soon once it is back: the fault suite
 * (issue 17) saw a restarted service stay behind 503s for 8 s while the breaker waited out 10 s.
 */
class BreakerRecoveryTest {

    @Test
    void aBreakerOpenedByADeadServiceLetsCallsThroughAgainWithinThreeSeconds() throws Exception {
        CircuitBreaker breaker = CircuitBreaker.of("contacts-service", ServiceFallback.breakerSettings());
        for (int i = 0; i < 10; i++) {
            breaker.onError(1, TimeUnit.MILLISECONDS, new IOException("Connection refused"));
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquirePermission()).as("refused at once while open").isFalse();

        long opened = System.nanoTime();
        while (!breaker.tryAcquirePermission()) {
            assertThat(Duration.ofNanos(System.nanoTime() - opened)).isLessThan(Duration.ofSeconds(3));
            Thread.sleep(50);
        }
        breaker.onSuccess(1, TimeUnit.MILLISECONDS);
        for (int i = 1; i < 5; i++) {
            assertThat(breaker.tryAcquirePermission()).isTrue();
            breaker.onSuccess(1, TimeUnit.MILLISECONDS);
        }
        assertThat(breaker.getState()).as("closed after the trial calls succeeded").isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
