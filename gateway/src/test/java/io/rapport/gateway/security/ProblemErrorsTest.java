package io.rapport.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.netty.channel.AbortedException;

@ExtendWith(OutputCaptureExtension.class)
class ProblemErrorsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ProblemErrors errors = new ProblemErrors(meters);

    @Test
    void aClientThatHungUpIsNotAnError(CapturedOutput output) {
        errors.handle(exchange(), new AbortedException("Connection has been closed BEFORE send operation")).block();
        errors.handle(exchange(), new IOException("Connection reset by peer")).block();

        assertThat(output).doesNotContain("Unexpected failure", "ERROR");
    }

    @Test
    void anUnexpectedFailureStillIsAnErrorAnsweredWithAProblem(CapturedOutput output) {
        MockServerWebExchange exchange = exchange();

        errors.handle(exchange, new IllegalStateException("a bug")).block();

        assertThat(output).contains("Unexpected failure in the gateway", "ERROR");
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(exchange.getResponse().getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void aSignInOutageIsCountedForEveryRequestAndLoggedOnceNotOncePerRequest(CapturedOutput output) {
        for (int i = 0; i < 50; i++) {
            MockServerWebExchange exchange = exchange();
            errors.handle(exchange, new ProviderOutageDecoder.IdentityProviderUnavailable(
                    new IOException("Connection refused"))).block();
            assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        }

        assertThat(meters.counter("rapport.gateway.signin.unavailable").count()).isEqualTo(50);
        assertThat(output.getOut().lines().filter(line -> line.contains("answered 503"))).singleElement()
                .satisfies(line -> assertThat(line).contains("WARN", "Connection refused", "1 request(s) refused"));
        assertThat(output).doesNotContain("ERROR");
    }

    private static MockServerWebExchange exchange() {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/contacts"));
    }
}
