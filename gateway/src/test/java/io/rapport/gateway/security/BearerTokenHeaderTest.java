package io.rapport.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

class BearerTokenHeaderTest {

    private final BearerTokenHeader converter = new BearerTokenHeader();

    @ParameterizedTest
    @ValueSource(strings = {"Bearer eyJh.eyJz.sig-_~+/", "bearer eyJh.eyJz.sig", "BEARER abc==", "Bearer abc="})
    void aWellFormedBearerTokenIsTaken(String header) {
        Authentication token = convert(header);

        assertThat(token).isInstanceOf(BearerTokenAuthenticationToken.class);
        assertThat(((BearerTokenAuthenticationToken) token).getToken()).isEqualTo(header.substring(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ", "Bearer  abc", "Bearer a b", "Bearer abc=d", "Bearer ===", "Bearer\tabc", "Bearerabc",
        "Bearer abc\"", "Bearer é"})
    void aMalformedBearerTokenIsRefusedAsSpringSecurityWould(String header) {
        assertThatThrownBy(() -> convert(header)).isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("malformed");
    }

    @Test
    void otherSchemesAndNoHeaderAreNotBearerTokens() {
        assertThat(convert("Basic YWxpY2U6cGFzcw==")).isNull();
        assertThat(converter.convert(MockServerWebExchange.from(MockServerHttpRequest.get("/api/contacts"))).block()).isNull();
    }

    private Authentication convert(String header) {
        return converter.convert(MockServerWebExchange.from(MockServerHttpRequest.get("/api/contacts")
                .header("Authorization", header))).block();
    }
}
