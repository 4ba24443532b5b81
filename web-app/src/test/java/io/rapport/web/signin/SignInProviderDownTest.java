package io.rapport.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A sign-in started while the provider cannot be reached (nothing listens at the issuer) shows Rapport's own error
 * page: a plain explanation, no framework whitelabel page and nothing of the cause.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "rapport.web.issuer-uri=http://127.0.0.1:1/unreachable")
class SignInProviderDownTest {

    @LocalServerPort
    int port;

    @Test
    void aSignInWithTheProviderDownShowsAPlainErrorPage() throws Exception {
        HttpResponse<String> page = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/authorization/rapport"))
                        .header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isGreaterThanOrEqualTo(500);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Rapport cannot answer right now", "Try again in a moment")
                .doesNotContain("Whitelabel", "Exception", "127.0.0.1:1");
    }
}
