package io.rapport.notes.profile.messaging;

import io.rapport.events.DomainEvent;
import io.rapport.events.MemberDataErased;
import io.rapport.events.Topics;
import io.rapport.notes.profile.MemberData;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.CloudEvents;
import io.rapport.platform.messaging.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Erases the member's notes data when they ask contacts-service to erase their data. */
@Component
class MemberEventsListener {

    private final MemberData data;

    MemberEventsListener(MemberData data) {
        this.data = data;
    }

    @KafkaListener(topics = Topics.CONTACTS)
    void on(ConsumerRecord<String, byte[]> record) {
        if (!CloudEvents.mayBeErasure(record)) {
            return;
        }
        EventEnvelope<DomainEvent> event = CloudEvents.read(record);
        if (event.payload() instanceof MemberDataErased erased) {
            // The envelope's tenant scopes the erasure; the payload's member id must agree with the envelope's.
            String memberId = erased.memberId() == null ? event.memberId() : erased.memberId();
            if (memberId.equals(event.memberId())) {
                data.erase(event.id(), new Member(memberId, event.tenantId()), event.time());
            }
        }
    }
}
