package io.rapport.insights.activity.messaging;

import io.rapport.events.DomainEvent;
import io.rapport.events.Topics;
import io.rapport.insights.activity.ActivityProjection;
import io.rapport.insights.activity.MemberData;
import io.rapport.insights.overasked.OverAskedContacts;
import io.rapport.platform.messaging.CloudEvents;
import io.rapport.platform.messaging.EventEnvelope;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;

/**
 * Builds the read models from the four domain topics. It can go back to the beginning of every topic (a rebuild):
 * at start-up when asked to ({@code rapport.insights.rebuild=true}), as soon as the partitions are assigned, or at
 * any time through {@link #replayOnNextAssignment()} and a restart of its containers ({@code ReadModelRebuild}).
 */
public class DomainEventsListener extends AbstractConsumerSeekAware {

    private final ActivityProjection projection;
    private final OverAskedContacts overAsked;
    private final MemberData memberData;
    /** While replaying: the partitions already sent back to the beginning, so a later rebalance does not do it twice. */
    private final Set<TopicPartition> replayed = ConcurrentHashMap.newKeySet();
    private volatile boolean replaying;

    public DomainEventsListener(ActivityProjection projection, OverAskedContacts overAsked, MemberData memberData,
            boolean replayOnStart) {
        this.projection = projection;
        this.overAsked = overAsked;
        this.memberData = memberData;
        this.replaying = replayOnStart;
    }

    // One listener (so one consumer per partition) for each topic: see DomainRules.eachListenerConsumesOneTopic.
    @KafkaListener(topics = Topics.CONTACTS)
    @KafkaListener(topics = Topics.SCHEDULING)
    @KafkaListener(topics = Topics.NOTES)
    @KafkaListener(topics = Topics.REMINDERS)
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<DomainEvent> event = CloudEvents.read(record);
        if (event.isErasure()) {
            memberData.erase(event.id(), event.member(), event.time());
            return;
        }
        projection.apply(event.member(), event.id(), event.time(), event.payload());
        overAsked.apply(event.member(), event.payload());
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        if (replaying) {
            List<TopicPartition> fresh = assignments.keySet().stream().filter(replayed::add).toList();
            if (!fresh.isEmpty()) {
                callback.seekToBeginning(fresh);
            }
        }
    }

    /** The next assignment of each partition starts from offset 0 (the listener's containers are restarted for it). */
    public void replayOnNextAssignment() {
        replayed.clear();
        replaying = true;
    }
}
