package io.rapport.contacts.member.messaging;

import io.rapport.contacts.member.MemberData;
import io.rapport.events.DomainEvent;
import io.rapport.events.MemberDataErased;
import io.rapport.events.Topics;
import io.rapport.platform.messaging.CloudEvents;
import io.rapport.platform.messaging.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** This service erases a member like every other one does: when MemberDataErased arrives. */
@Component
class ErasureListener {

    private final MemberData memberData;

    ErasureListener(MemberData memberData) {
        this.memberData = memberData;
    }

    @KafkaListener(topics = Topics.CONTACTS)
    void on(ConsumerRecord<String, byte[]> record) {
        if (!CloudEvents.mayBeErasure(record)) {
            return;
        }
        EventEnvelope<DomainEvent> event = CloudEvents.read(record);
        if (event.payload() instanceof MemberDataErased) {
            memberData.erase(event.id(), event.member(), event.time());
        }
    }
}
