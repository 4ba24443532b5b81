package io.rapport.gateway;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What operators set on the gateway.
 *
 * @param jwt where tokens come from and what they must say
 * @param rateLimit requests per member and second, and where the counters live
 * @param cors the web origins allowed to call the API from a browser
 * @param serviceTimeout how long a service may take before the caller gets a 503
 * @param maxBodySize the largest request body accepted (413 above): JSON everywhere, so 256 KB is plenty
 * @param maxImportSize the largest body of a file import ({@code POST /api/contacts/import}, a CSV): 5 MB
 * @param readTryTimeout with several instances of a service, how long a read (GET, HEAD) waits on one instance before
 *                       it is asked of the next, once: 4 s, between the services' slowest reads under load and the
 *                       service timeout; clamped to half the service timeout, so both tries fit in it
 */
@ConfigurationProperties("rapport.gateway")
public record GatewayProperties(Jwt jwt, RateLimit rateLimit, Cors cors, Duration serviceTimeout, DataSize maxBodySize,
                                DataSize maxImportSize, Duration readTryTimeout) {

    public GatewayProperties {
        jwt = jwt == null ? new Jwt(null, null, null, null) : jwt;
        rateLimit = rateLimit == null ? new RateLimit(null, 0, 0) : rateLimit;
        cors = cors == null ? new Cors(List.of()) : cors;
        serviceTimeout = serviceTimeout == null ? Duration.ofSeconds(10) : serviceTimeout;
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(256) : maxBodySize;
        maxImportSize = maxImportSize == null ? DataSize.ofMegabytes(5) : maxImportSize;
        readTryTimeout = readTryTimeout == null ? Duration.ofSeconds(4) : readTryTimeout;
        if (readTryTimeout.compareTo(serviceTimeout.dividedBy(2)) > 0) {
            readTryTimeout = serviceTimeout.dividedBy(2);
        }
    }

    /**
     * The identity provider: an issuer URI (OpenID discovery) or a JWK set URI with the expected
     * issuer, and the audience tokens must be meant for.
     */
    public record Jwt(String issuerUri, String jwkSetUri, String issuer, String audience) {
        public Jwt {
            audience = audience == null || audience.isBlank() ? "rapport" : audience;
        }
    }

    /** {@code store} is {@code memory} (one gateway) or {@code redis} (limits shared by every gateway instance). */
    public record RateLimit(String store, int perSecond, int burst) {
        public RateLimit {
            store = store == null || store.isBlank() ? "memory" : store;
            perSecond = perSecond <= 0 ? 20 : perSecond;
            burst = burst <= 0 ? 2 * perSecond : burst;
        }
    }

    public record Cors(List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().filter(origin -> origin != null && !origin.isBlank()).toList();
        }
    }
}
