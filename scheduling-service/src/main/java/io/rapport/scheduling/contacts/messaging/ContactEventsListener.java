package io.rapport.scheduling.contacts.messaging;

import io.rapport.events.ContactAdded;
import io.rapport.events.ContactArchived;
import io.rapport.events.ContactUpdated;
import io.rapport.events.DomainEvent;
import io.rapport.events.MemberDataErased;
import io.rapport.events.Topics;
import io.rapport.platform.messaging.CloudEvents;
import io.rapport.platform.messaging.EventEnvelope;
import io.rapport.platform.messaging.MalformedEventException;
import io.rapport.scheduling.erasure.MemberData;
import io.rapport.scheduling.contacts.KnownContact;
import io.rapport.scheduling.contacts.KnownContacts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps scheduling's copy of the member's contacts in step with the contacts service, and erases a
 * member's scheduling data on request. One listener for the topic: two in one consumer group would
 * split its partitions between them and each would miss the other's records.
 */
@Component
class ContactEventsListener {

    private final KnownContacts contacts;
    private final MemberData erasure;

    ContactEventsListener(KnownContacts contacts, MemberData erasure) {
        this.contacts = contacts;
        this.erasure = erasure;
    }

    @KafkaListener(topics = Topics.CONTACTS)
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<DomainEvent> event = CloudEvents.read(record);
        switch (event.payload()) {
            case ContactAdded added -> contacts.apply(event.id(), KnownContact.from(event.member(), added));
            case ContactUpdated updated -> contacts.apply(event.id(), KnownContact.from(event.member(), updated));
            case ContactArchived archived -> contacts.archive(event.id(), event.member(), archived.contactId());
            case MemberDataErased erased -> {
                if (!erased.memberId().equals(event.memberId())) {
                    throw new MalformedEventException("MemberDataErased for " + erased.memberId()
                            + " arrived in the envelope of member " + event.memberId());
                }
                erasure.erase(event.id(), event.member(), event.time());
            }
            default -> {
                // Other contacts events are not scheduling's concern.
            }
        }
    }
}
