package io.rapport.events;

/**
 * One entry of the catalogue: the name on the wire ({@code ce_type}), the payload record, the
 * service that publishes it and the payload's schema version (raised on an incompatible change).
 */
public record EventType(String name, Class<? extends DomainEvent> payload, Producer producer, int schemaVersion) {
}
