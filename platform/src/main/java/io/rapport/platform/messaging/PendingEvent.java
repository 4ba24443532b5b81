package io.rapport.platform.messaging;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * An event waiting in a document's outbox for the relay: everything the envelope needs, with the
 * payload already serialized so the relay does not need to know event types, and the W3C trace context
 * of the work that wrote it ({@code traceparent}, null outside a trace) so the trace goes on through Kafka.
 */
public record PendingEvent(
        String id,
        String type,
        int schemaVersion,
        String topic,
        String source,
        String subject,
        String memberId,
        String tenantId,
        String correlationId,
        Instant time,
        String payload,
        String traceparent) {

    /** An event outside any trace. */
    public PendingEvent(String id, String type, int schemaVersion, String topic, String source, String subject,
            String memberId, String tenantId, String correlationId, Instant time, String payload) {
        this(id, type, schemaVersion, topic, source, subject, memberId, tenantId, correlationId, time, payload, null);
    }

    Document toDocument() {
        Document document = new Document("id", id)
                .append("type", type)
                .append("schemaVersion", schemaVersion)
                .append("topic", topic)
                .append("source", source)
                .append("subject", subject)
                .append("memberId", memberId)
                .append("tenantId", tenantId)
                .append("correlationId", correlationId)
                .append("time", Date.from(time))
                .append("payload", payload);
        if (traceparent != null) {
            document.append(TraceParent.HEADER, traceparent);
        }
        return document;
    }

    static PendingEvent fromDocument(Document document) {
        return new PendingEvent(
                document.getString("id"),
                document.getString("type"),
                document.getInteger("schemaVersion", 1),
                document.getString("topic"),
                document.getString("source"),
                document.getString("subject"),
                document.getString("memberId"),
                document.getString("tenantId"),
                document.getString("correlationId"),
                document.getDate("time").toInstant(),
                document.getString("payload"),
                document.getString(TraceParent.HEADER));
    }
}
