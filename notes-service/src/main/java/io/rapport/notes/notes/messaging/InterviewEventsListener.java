package io.rapport.notes.notes.messaging;

import io.rapport.events.DomainEvent;
import io.rapport.events.InterviewHeld;
import io.rapport.events.Topics;
import io.rapport.notes.notes.HeldInterview;
import io.rapport.notes.notes.NoteRecords;
import io.rapport.platform.messaging.CloudEvents;
import io.rapport.platform.messaging.EventEnvelope;
import io.rapport.platform.messaging.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** InterviewHeld makes the interview notable and thankable; the thank-you clock starts at its end. */
@Component
class InterviewEventsListener {

    private final NoteRecords records;

    InterviewEventsListener(NoteRecords records) {
        this.records = records;
    }

    @KafkaListener(topics = Topics.SCHEDULING)
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<DomainEvent> event = CloudEvents.read(record);
        if (event.payload() instanceof InterviewHeld held) {
            if (held.interviewId() == null || held.interviewId().isBlank() || held.endedAt() == null) {
                throw new MalformedEventException("InterviewHeld without an interview id or end time: " + event.id());
            }
            records.markHeld(event.id(), event.member(), held.interviewId(), HeldInterview.reported(held.contactId(),
                    held.start(), held.endedAt(), event.time(), held.plannedMinutes(), held.actualMinutes(),
                    held.overran()));
        }
    }
}
