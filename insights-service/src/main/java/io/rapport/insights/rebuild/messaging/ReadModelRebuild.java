package io.rapport.insights.rebuild.messaging;

import io.rapport.insights.activity.ActivityStore;
import io.rapport.insights.activity.messaging.DomainEventsListener;
import io.rapport.insights.figures.FiguresStore;
import io.rapport.insights.overasked.OverAskedStore;
import org.slf4j.Logger;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.slf4j.LoggerFactory;

/**
 * Drops every read model (members' activity and contacts, the precomputed figures, contact fingerprints and
 * approaches) and replays the domain topics
 * from the beginning; the topics keep their whole history (retention.ms -1). What the organization decided
 * (cohorts, assignments, k, shares, nudges, volunteers, the fingerprint keys) is not a read model and is kept. Erased members stay erased: the
 * erasure markers are kept, so their events are dropped again on the way in.
 */
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final ActivityStore activity;
    private final FiguresStore figures;
    private final OverAskedStore overAsked;
    private final DomainEventsListener listener;
    private final KafkaListenerEndpointRegistry containers;

    public ReadModelRebuild(ActivityStore activity, FiguresStore figures, OverAskedStore overAsked,
            DomainEventsListener listener, KafkaListenerEndpointRegistry containers) {
        this.activity = activity;
        this.figures = figures;
        this.overAsked = overAsked;
        this.listener = listener;
        this.containers = containers;
    }

    /** Before the listener starts (start-up flag): empty read models, and the listener seeks to 0 when assigned. */
    public void dropReadModels() {
        log.info("Rebuilding the insights read models: dropping them; every domain topic is replayed from the beginning");
        activity.reset();
        figures.reset();
        overAsked.reset();
    }

    /**
     * While running: the listener stops (its current records done, offsets committed), the read models are dropped,
     * and it starts again from offset 0 of every partition. Run it on one instance, the others stopped.
     */
    public synchronized void rebuildNow() {
        containers.getListenerContainers().forEach(MessageListenerContainer::stop);
        dropReadModels();
        listener.replayOnNextAssignment();
        containers.getListenerContainers().forEach(MessageListenerContainer::start);
    }
}
