package io.rapport.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param gatewayUri   where the API is: every page's data comes from there, with the member's access token
 * @param issuerUri    the organization's OpenID Connect provider (found by its discovery document on first sign-in)
 * @param clientId     this app's client id at the provider
 * @param clientSecret its secret, where the provider registered it as a confidential client; unset: a public client
 *                     (the embedded default), bound by PKCE and its exact redirect address
 * @param publicGatewayUri where members' calendar apps reach the gateway (a feed's address); unset: {@code gatewayUri},
 *                     which is right on one machine but is an internal address behind a load balancer
 */
@ConfigurationProperties("rapport.web")
public record WebProperties(
        @DefaultValue("http://127.0.0.1:8080") String gatewayUri,
        @DefaultValue("http://127.0.0.1:8089") String issuerUri,
        @DefaultValue("rapport-web") String clientId,
        String clientSecret,
        String publicGatewayUri) {

    /** The gateway's address as the member's devices see it. */
    public String publicGateway() {
        String base = publicGatewayUri == null || publicGatewayUri.isBlank() ? gatewayUri : publicGatewayUri;
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
