package io.rapport.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param devIdentity when true, the gateway trusts the {@code X-Member-Id} and {@code X-Tenant-Id}
 *     headers a client sends. Only the embedded default turns this on, so a newcomer can try the
 *     API with curl before any identity provider exists. NOT FOR PRODUCTION.
 */
@ConfigurationProperties("rapport.gateway")
public record GatewayProperties(boolean devIdentity) {
}
