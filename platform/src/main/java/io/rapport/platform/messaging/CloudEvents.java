package io.rapport.platform.messaging;

import io.rapport.events.DomainEvent;
import io.rapport.events.EventCatalogue;
import io.rapport.events.EventType;
import io.rapport.events.MemberDataErased;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Turns pending events into Kafka records and Kafka records back into typed envelopes. */
public final class CloudEvents {

    private static final String ERASURE = EventCatalogue.of(MemberDataErased.class).name();

    private CloudEvents() {
    }

    /** The record key is the member id, so each member's events stay in order on one partition. */
    public static ProducerRecord<String, byte[]> toRecord(PendingEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                event.topic(), null, event.time().toEpochMilli(), event.memberId(),
                event.payload().getBytes(StandardCharsets.UTF_8));
        Headers headers = record.headers();
        put(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        put(headers, CloudEventHeaders.ID, event.id());
        put(headers, CloudEventHeaders.TYPE, event.type());
        put(headers, CloudEventHeaders.SOURCE, event.source());
        put(headers, CloudEventHeaders.TIME, event.time().toString());
        put(headers, CloudEventHeaders.SUBJECT, event.subject());
        put(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        put(headers, CloudEventHeaders.MEMBER, event.memberId());
        put(headers, CloudEventHeaders.TENANT, event.tenantId());
        put(headers, CloudEventHeaders.CORRELATION, event.correlationId());
        put(headers, CloudEventHeaders.SCHEMA_VERSION, Integer.toString(event.schemaVersion()));
        // The producer's observation replaces it with its own span, a child of this one; without tracing it still links.
        put(headers, TraceParent.HEADER, event.traceparent());
        return record;
    }

    /**
     * Reads a record into its envelope.
     *
     * @throws MalformedEventException when a required header is missing, the type is not in the
     *     catalogue, or the payload does not parse: such a record can never be handled.
     */
    public static EventEnvelope<DomainEvent> read(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        String typeName = required(headers, CloudEventHeaders.TYPE);
        EventType type = EventCatalogue.byName(typeName)
                .orElseThrow(() -> new MalformedEventException("Unknown event type " + typeName));
        int schemaVersion = parseVersion(header(headers, CloudEventHeaders.SCHEMA_VERSION));
        if (schemaVersion > type.schemaVersion()) {
            throw new MalformedEventException(typeName + " schema version " + schemaVersion
                    + " is newer than this service understands (" + type.schemaVersion() + ")");
        }
        if (record.value() == null) {
            throw new MalformedEventException(typeName + " has no payload");
        }
        DomainEvent payload;
        try {
            payload = EventJson.read(record.value(), type.payload());
        } catch (RuntimeException e) {
            throw new MalformedEventException("Unreadable " + typeName + " payload: " + e.getMessage(), e);
        }
        return new EventEnvelope<>(
                required(headers, CloudEventHeaders.ID),
                typeName,
                schemaVersion,
                required(headers, CloudEventHeaders.SOURCE),
                parseTime(required(headers, CloudEventHeaders.TIME)),
                required(headers, CloudEventHeaders.SUBJECT),
                required(headers, CloudEventHeaders.MEMBER),
                required(headers, CloudEventHeaders.TENANT),
                header(headers, CloudEventHeaders.CORRELATION),
                payload);
    }

    /**
     * False when the record's type header names another event than {@code MemberDataErased}: a listener that acts
     * only on erasures (on a topic carrying every event of a service) skips the rest without reading their payload.
     * A record without a type is not skipped, so reading it reports it as malformed as before.
     */
    public static boolean mayBeErasure(ConsumerRecord<?, ?> record) {
        String type = header(record.headers(), CloudEventHeaders.TYPE);
        return type == null || type.equals(ERASURE);
    }

    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("Missing header " + name);
        }
        return value;
    }

    private static int parseVersion(String value) {
        if (value == null) {
            return 1;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new MalformedEventException("Bad schema version " + value, e);
        }
    }

    private static Instant parseTime(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("Bad " + CloudEventHeaders.TIME + " " + value, e);
        }
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
