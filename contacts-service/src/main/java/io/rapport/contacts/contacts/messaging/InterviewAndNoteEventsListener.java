package io.rapport.contacts.contacts.messaging;

import io.rapport.contacts.contacts.ContactBook;
import io.rapport.contacts.contacts.ContactStage;
import io.rapport.events.DomainEvent;
import io.rapport.events.InterviewHeld;
import io.rapport.events.InterviewScheduled;
import io.rapport.events.ReferralRecorded;
import io.rapport.events.ThankYouSent;
import io.rapport.events.Topics;
import io.rapport.platform.messaging.CloudEvents;
import io.rapport.platform.messaging.EventEnvelope;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What scheduling and notes report about a contact moves it along: an interview scheduled (which also
 * answers the contact's open outreach) or held, a thank-you sent, and a referral that becomes a new contact.
 */
@Component
class InterviewAndNoteEventsListener {

    private final ContactBook book;

    InterviewAndNoteEventsListener(ContactBook book) {
        this.book = book;
    }

    // One listener (so one consumer per partition) for each topic: see DomainRules.eachListenerConsumesOneTopic.
    @KafkaListener(topics = Topics.SCHEDULING)
    @KafkaListener(topics = Topics.NOTES)
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<DomainEvent> event = CloudEvents.read(record);
        switch (event.payload()) {
            case InterviewScheduled scheduled ->
                    book.interviewScheduled(event.id(), event.member(), scheduled.contactId(), event.time());
            case InterviewHeld held -> book.advance(event.id(), event.member(), held.contactId(),
                    ContactStage.INTERVIEWED, endedNoLaterThan(held.endedAt(), event.time()));
            case ThankYouSent thanked ->
                    book.advance(event.id(), event.member(), thanked.contactId(), ContactStage.THANKED, thanked.sentAt());
            case ReferralRecorded referral -> book.addReferral(event.member(), referral);
            default -> {
                // Other scheduling and notes events do not change contacts.
            }
        }
    }

    /**
     * Holding ends an interview, so the last interaction is never after it was marked held (an InterviewHeld
     * published before scheduling ended interviews at the earlier of start + actual minutes and now could
     * carry an end in the future).
     */
    static Instant endedNoLaterThan(Instant endedAt, Instant heldAt) {
        return endedAt == null || endedAt.isAfter(heldAt) ? heldAt : endedAt;
    }
}
