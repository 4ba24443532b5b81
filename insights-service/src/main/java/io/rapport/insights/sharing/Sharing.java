package io.rapport.insights.sharing;

import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import java.time.Clock;
import java.util.List;

/** The member's choice, per advisor, of what to share; revocable at any time (tier nothing). */
public class Sharing {

    private final ShareStore shares;
    private final Clock clock;

    public Sharing(ShareStore shares, Clock clock) {
        this.shares = shares;
        this.clock = clock;
    }

    public Share choose(Member member, String advisorId, String tier) {
        if (!Member.isValidId(advisorId)) {
            throw new InvalidInputException("advisorId", "must be 1-128 letters, digits or ._@:-");
        }
        Tier chosen = Fields.requiredOneOf(Tier.class, tier, "tier");
        Share current = shares.find(member, advisorId).orElse(Share.nothing(member, advisorId));
        Change<Share> change = current.changeTo(chosen, clock.instant());
        if (!change.events().isEmpty()) {
            shares.save(change);
        }
        return change.state();
    }

    public List<Share> of(Member member) {
        return shares.of(member);
    }

    /** What the member shares with this advisor: nothing unless they chose otherwise. */
    public Tier tier(Member member, String advisorId) {
        return shares.find(member, advisorId).map(Share::tier).orElse(Tier.NOTHING);
    }
}
