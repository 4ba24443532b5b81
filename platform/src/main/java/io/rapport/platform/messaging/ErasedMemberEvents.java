package io.rapport.platform.messaging;

import io.rapport.events.EventCatalogue;
import io.rapport.events.MemberDataErased;
import io.rapport.platform.domain.Erasures;
import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.adapter.RecordFilterStrategy;

/**
 * Drops every consumed event about a member that was created before that member's data was erased (its
 * {@code ce_time} is at or before the erasure), before any listener sees it: a late or replayed event cannot bring
 * back a contact, an interview, a note or a reminder. MemberDataErased itself always reaches its listener, which
 * carries it out through {@link Erasures#erase} (once). A record without readable member, tenant or time headers is
 * passed on, for its listener to reject as malformed.
 */
public class ErasedMemberEvents implements RecordFilterStrategy<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(ErasedMemberEvents.class);
    private static final String ERASURE = EventCatalogue.of(MemberDataErased.class).name();

    private final Erasures erasures;

    public ErasedMemberEvents(Erasures erasures) {
        this.erasures = erasures;
    }

    @Override
    public boolean filter(ConsumerRecord<Object, Object> record) {
        String type = CloudEvents.header(record.headers(), CloudEventHeaders.TYPE);
        String memberId = CloudEvents.header(record.headers(), CloudEventHeaders.MEMBER);
        String tenantId = CloudEvents.header(record.headers(), CloudEventHeaders.TENANT);
        String time = CloudEvents.header(record.headers(), CloudEventHeaders.TIME);
        if (ERASURE.equals(type) || !Member.isValidId(memberId) || !Member.isValidId(tenantId) || time == null) {
            return false;
        }
        Instant created;
        try {
            created = Instant.parse(time);
        } catch (DateTimeParseException unreadable) {
            return false;
        }
        boolean drop = erasures.erasedAfter(new Member(memberId, tenantId), created);
        if (drop) {
            log.info("Dropped {} {} from {}: member {} of {} was erased after it was created", type,
                    CloudEvents.header(record.headers(), CloudEventHeaders.ID), record.topic(), memberId, tenantId);
        }
        return drop;
    }
}
