package io.rapport.reminders.reminders.messaging;

import io.rapport.events.DomainEvent;
import io.rapport.events.Topics;
import io.rapport.platform.messaging.CloudEvents;
import io.rapport.platform.messaging.EventEnvelope;
import io.rapport.reminders.reminders.FollowUpRules;
import io.rapport.reminders.reminders.MemberData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Turns contacts, scheduling and notes events into reminders, and advisors' nudges (insights) into inbox reminders. */
@Component
class RemindersEventsListener {

    private final FollowUpRules rules;
    private final MemberData memberData;

    RemindersEventsListener(FollowUpRules rules, MemberData memberData) {
        this.rules = rules;
        this.memberData = memberData;
    }

    // One listener (so one consumer per partition) for each topic: see DomainRules.eachListenerConsumesOneTopic.
    @KafkaListener(topics = Topics.CONTACTS)
    @KafkaListener(topics = Topics.SCHEDULING)
    @KafkaListener(topics = Topics.NOTES)
    @KafkaListener(topics = Topics.INSIGHTS)
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<DomainEvent> event = CloudEvents.read(record);
        if (event.isErasure()) {
            memberData.erase(event.id(), event.member(), event.time());
            return;
        }
        rules.apply(event.member(), event.id(), event.payload());
    }
}
