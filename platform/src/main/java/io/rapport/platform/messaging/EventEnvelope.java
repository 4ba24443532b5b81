package io.rapport.platform.messaging;

import io.rapport.events.DomainEvent;
import io.rapport.events.MemberDataErased;
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

    /**
     * Whether this is a member's erasure: true for a {@code MemberDataErased} published under the member it names.
     * One published under another member is refused as malformed (it would erase someone else's data).
     */
    public boolean isErasure() {
        if (!(payload instanceof MemberDataErased erased)) {
            return false;
        }
        if (!memberId.equals(erased.memberId())) {
            throw new MalformedEventException("MemberDataErased for " + erased.memberId()
                    + " published under member " + memberId);
        }
        return true;
    }
}
