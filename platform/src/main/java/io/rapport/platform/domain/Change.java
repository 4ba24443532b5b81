package io.rapport.platform.domain;

import io.rapport.events.DomainEvent;
import java.util.List;

/**
 * What a domain operation returns: the new state and the events it causes. The persistence
 * adapter writes both in one document write, so no event is lost or invented.
 */
public record Change<T>(T state, List<DomainEvent> events) {

    public Change {
        events = List.copyOf(events);
    }

    public static <T> Change<T> of(T state, DomainEvent... events) {
        return new Change<>(state, List.of(events));
    }
}
