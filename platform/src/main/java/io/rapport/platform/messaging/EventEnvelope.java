package io.rapport.platform.messaging;

import io.rapport.events.DomainEvent;
import io.rapport.platform.domain.Member;
import java.time.Instant;

/** One event as it crossed Kafka: the CloudEvents attributes, our extensions and the typed payload. */
public record EventEnvelope<E extends DomainEvent>(
        String id,
        String type,
        int schemaVersion,
        String source,
        Instant time,
        String subject,
        String memberId,
        String tenantId,
        String correlationId,
        E payload) {

    public Member member() {
        return new Member(memberId, tenantId);
    }
}
