package io.rapport.contacts.contacts.messaging;

import io.rapport.contacts.contacts.ContactBook;
import io.rapport.events.AlumniVolunteerRequested;
import io.rapport.events.DomainEvent;
import io.rapport.events.Topics;
import io.rapport.platform.messaging.CloudEvents;
import io.rapport.platform.messaging.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** insights-service's events: an alumni volunteer the member asked for a conversation becomes their contact. */
@Component
class InsightsEventsListener {

    private final ContactBook book;

    InsightsEventsListener(ContactBook book) {
        this.book = book;
    }

    @KafkaListener(topics = Topics.INSIGHTS)
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<DomainEvent> event = CloudEvents.read(record);
        if (event.payload() instanceof AlumniVolunteerRequested request) {
            book.addAlumniVolunteer(event.member(), request);
        }
        // Sharing changes and nudges change no contact.
    }
}
