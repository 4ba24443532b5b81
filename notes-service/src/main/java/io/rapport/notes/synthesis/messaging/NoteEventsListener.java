package io.rapport.notes.synthesis.messaging;

import io.rapport.events.DomainEvent;
import io.rapport.events.NoteRecorded;
import io.rapport.events.Topics;
import io.rapport.notes.synthesis.InterviewInsights;
import io.rapport.platform.messaging.CloudEvents;
import io.rapport.platform.messaging.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the synthesis up to date on every NoteRecorded. Working from the event rather than inside
 * the request keeps saving notes fast, and a failure here is retried instead of lost.
 */
@Component
class NoteEventsListener {

    private final InterviewInsights synthesis;

    NoteEventsListener(InterviewInsights synthesis) {
        this.synthesis = synthesis;
    }

    @KafkaListener(topics = Topics.NOTES)
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<DomainEvent> event = CloudEvents.read(record);
        if (event.payload() instanceof NoteRecorded) {
            synthesis.refresh(event.id(), event.member());
        }
    }
}
