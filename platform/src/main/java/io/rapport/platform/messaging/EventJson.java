package io.rapport.platform.messaging;

import io.rapport.events.DomainEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON of event payloads. Readers are tolerant (unknown fields are ignored) so a producer can add
 * an optional field without breaking older consumers; a breaking change raises the schema version.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static String write(DomainEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    public static <E extends DomainEvent> E read(byte[] json, Class<E> type) {
        return MAPPER.readValue(json, type);
    }
}
