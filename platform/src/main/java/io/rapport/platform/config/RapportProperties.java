package io.rapport.platform.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What each service says about itself: its name (which fixes its topic and event source), the
 * collections that carry an outbox, the topics it consumes, and the secret that proves a request came through the
 * gateway.
 */
@ConfigurationProperties("rapport")
public record RapportProperties(String serviceName, Outbox outbox, Events events, Identity identity) {

    public RapportProperties {
        identity = identity == null ? new Identity(null) : identity;
        outbox = outbox == null ? new Outbox(List.of(), null, 0, null) : outbox;
        events = events == null ? new Events(List.of(), 0, null) : events;
    }

    /**
     * The outbox relay: which collections it drains, how often it looks when no write has woken it (it
     * catches what another instance left behind), how many documents a round takes, how long its lease lasts.
     */
    public record Outbox(List<String> collections, Duration pollInterval, int batchSize, Duration lease) {
        public Outbox {
            collections = collections == null ? List.of() : List.copyOf(collections);
            pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
            batchSize = batchSize <= 0 ? 500 : batchSize;
            lease = lease == null ? Duration.ofSeconds(30) : lease;
        }
    }

    /** Topics consumed, partitions of the topics this service creates, and the retry policy before the dead-letter topic. */
    public record Events(List<String> consumes, int partitions, Retry retry) {
        public Events {
            consumes = consumes == null ? List.of() : List.copyOf(consumes);
            partitions = partitions <= 0 ? 3 : partitions;
            retry = retry == null ? new Retry(0, null, null) : retry;
        }
    }

    public record Retry(int attempts, Duration initialInterval, Duration maxInterval) {
        public Retry {
            attempts = attempts <= 0 ? 4 : attempts;
            initialInterval = initialInterval == null ? Duration.ofMillis(250) : initialInterval;
            maxInterval = maxInterval == null ? Duration.ofSeconds(2) : maxInterval;
        }
    }

    /** The secret the gateway signs identity tokens with (HS256, at least 32 bytes); see {@code IdentityTokens}. */
    public record Identity(String secret) {
        @Override
        public String toString() {
            return "Identity[secret=" + (secret == null ? "unset" : "(hidden)") + "]";
        }
    }
}
