package io.rapport.insights.activity;

import io.rapport.events.DomainEvent;
import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Applies the other services' events to the members' read models, once each, and marks the tenant's figures stale. */
public class ActivityProjection {

    private final ActivityStore store;
    private final Consumer<String> onFiguresChanged;

    public ActivityProjection(ActivityStore store, Consumer<String> onFiguresChanged) {
        this.store = store;
        this.onFiguresChanged = onFiguresChanged;
    }

    public void apply(Member member, String eventId, Instant time, DomainEvent event) {
        List<Effect> effects = ActivityFacts.of(event);
        if (store.apply(member, eventId, time, effects)) {
            onFiguresChanged.accept(member.tenantId());
        }
    }
}
