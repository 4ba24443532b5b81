package io.rapport.insights.sharing;

import io.rapport.events.SharingChanged;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.List;

/** What one member shares with one advisor, since when. */
public record Share(Member member, String advisorId, Tier tier, Instant changedAt) {

    public static Share nothing(Member member, String advisorId) {
        return new Share(member, advisorId, Tier.NOTHING, null);
    }

    /** The member's new choice; announced as SharingChanged (nothing to announce when the tier stays). */
    public Change<Share> changeTo(Tier chosen, Instant now) {
        if (chosen == tier) {
            return new Change<>(this, List.of());
        }
        return Change.of(new Share(member, advisorId, chosen, now),
                new SharingChanged(advisorId, chosen.name(), tier.name(), now));
    }
}
