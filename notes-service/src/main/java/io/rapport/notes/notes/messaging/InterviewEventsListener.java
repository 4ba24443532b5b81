package io.rapport.notes.notes.messaging;

import io.rapport.events.DomainEvent;
import io.rapport.events.InterviewCancelled;
import io.rapport.events.InterviewConfirmed;
import io.rapport.events.InterviewHeld;
import io.rapport.events.InterviewNoShow;
import io.rapport.events.InterviewProposed;
import io.rapport.events.InterviewRescheduled;
import io.rapport.events.InterviewScheduled;
import io.rapport.events.Topics;
import io.rapport.notes.notes.HeldInterview;
import io.rapport.notes.notes.KnownInterviews;
import io.rapport.notes.notes.NoteRecords;
import io.rapport.platform.messaging.CloudEvents;
import io.rapport.platform.messaging.EventEnvelope;
import io.rapport.platform.messaging.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every interview event makes the interview one of the member's own (known: it can be prepared for);
 * InterviewHeld also makes it notable and thankable, and the thank-you clock starts at its end.
 */
@Component
class InterviewEventsListener {

    private final NoteRecords records;
    private final KnownInterviews interviews;

    InterviewEventsListener(NoteRecords records, KnownInterviews interviews) {
        this.records = records;
        this.interviews = interviews;
    }

    @KafkaListener(topics = Topics.SCHEDULING)
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<DomainEvent> event = CloudEvents.read(record);
        switch (event.payload()) {
            case InterviewProposed proposed -> learn(event, proposed.interviewId(), proposed.contactId());
            case InterviewScheduled scheduled -> learn(event, scheduled.interviewId(), scheduled.contactId());
            case InterviewRescheduled rescheduled -> learn(event, rescheduled.interviewId(), rescheduled.contactId());
            case InterviewConfirmed confirmed -> learn(event, confirmed.interviewId(), confirmed.contactId());
            case InterviewCancelled cancelled -> learn(event, cancelled.interviewId(), cancelled.contactId());
            case InterviewNoShow noShow -> learn(event, noShow.interviewId(), noShow.contactId());
            case InterviewHeld held -> {
                if (held.interviewId() == null || held.interviewId().isBlank() || held.endedAt() == null) {
                    throw new MalformedEventException("InterviewHeld without an interview id or end time: " + event.id());
                }
                learn(event, held.interviewId(), held.contactId());
                markHeld(event, held);
            }
            default -> {
                // Other scheduling events say nothing about an interview's notes.
            }
        }
    }

    private void learn(EventEnvelope<DomainEvent> event, String interviewId, String contactId) {
        if (interviewId == null || interviewId.isBlank()) {
            throw new MalformedEventException(event.type() + " without an interview id: " + event.id());
        }
        interviews.learn(event.member(), interviewId, contactId);
    }

    private void markHeld(EventEnvelope<DomainEvent> event, InterviewHeld held) {
        records.markHeld(event.id(), event.member(), held.interviewId(), HeldInterview.reported(held.contactId(),
                held.start(), held.endedAt(), event.time(), held.plannedMinutes(), held.actualMinutes(),
                held.overran()));
    }
}
