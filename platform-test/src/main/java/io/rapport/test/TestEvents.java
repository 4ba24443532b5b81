package io.rapport.test;

import io.rapport.events.DomainEvent;
import io.rapport.events.EventCatalogue;
import io.rapport.events.EventType;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.CloudEvents;
import io.rapport.platform.messaging.EventJson;
import io.rapport.platform.messaging.PendingEvent;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Kafka records of events as their producers would publish them, for consumer tests. */
public final class TestEvents {

    private TestEvents() {
    }

    public static ProducerRecord<String, byte[]> record(DomainEvent event, Member member) {
        return record(event, member, UUID.randomUUID().toString());
    }

    public static ProducerRecord<String, byte[]> record(DomainEvent event, Member member, String eventId) {
        return record(event, member, eventId, Instant.now());
    }

    /** As published at {@code time}: send it again with the same id and time to redeliver it. */
    public static ProducerRecord<String, byte[]> record(DomainEvent event, Member member, String eventId, Instant time) {
        EventType type = EventCatalogue.of(event);
        return CloudEvents.toRecord(new PendingEvent(eventId, type.name(), type.schemaVersion(),
                type.producer().topic(), type.producer().source(), event.subject(), member.memberId(),
                member.tenantId(), "test-" + eventId, time, EventJson.write(event)));
    }
}
