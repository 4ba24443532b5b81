package io.rapport.platform.messaging;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * An event waiting in a document's outbox for the relay: everything the envelope needs, with the
 * payload already serialized so the relay does not need to know event types.
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
        String payload) {

    Document toDocument() {
        return new Document("id", id)
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
                document.getString("payload"));
    }
}
