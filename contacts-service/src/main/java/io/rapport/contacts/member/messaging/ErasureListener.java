package io.rapport.contacts.member.messaging;

import io.rapport.contacts.member.MemberAccount;
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

    private final MemberAccount account;

    ErasureListener(MemberAccount account) {
        this.account = account;
    }

    @KafkaListener(topics = Topics.CONTACTS)
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<DomainEvent> event = CloudEvents.read(record);
        if (event.payload() instanceof MemberDataErased) {
            account.erase(event.member());
        }
    }
}
