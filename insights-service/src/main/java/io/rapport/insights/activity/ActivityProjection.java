package io.rapport.insights.activity;

import io.rapport.events.DomainEvent;
import io.rapport.platform.domain.Erasures;
import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Applies the other services' events to the members' read models, once each, and marks the tenant's figures stale. */
public class ActivityProjection {

    private final ActivityStore store;
    private final Erasures erasures;
    private final Consumer<String> onFiguresChanged;

    public ActivityProjection(ActivityStore store, Erasures erasures, Consumer<String> onFiguresChanged) {
        this.store = store;
        this.erasures = erasures;
        this.onFiguresChanged = onFiguresChanged;
    }

    public void apply(Member member, String eventId, Instant time, DomainEvent event) {
        List<Effect> effects = ActivityFacts.of(event);
        if (ActivityFacts.isMemberActivity(event)) {
            if (store.apply(member, eventId, time, effects, true)) {
                onFiguresChanged.accept(member.tenantId());
            }
            return;
        }
        // Not the member's doing (a reminder falling due, the synthesis refreshed): it may change what is known of
        // the member, never when they were last active. Nor does it bring back a member erased since: created after
        // the erasure by a service that had not carried it out yet, it echoes data from before it.
        if (effects.isEmpty() || erasures.erasedAt(member).isPresent() && store.find(member).isEmpty()) {
            return;
        }
        store.apply(member, eventId, time, effects, false);
    }
}
