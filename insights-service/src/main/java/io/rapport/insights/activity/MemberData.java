package io.rapport.insights.activity;

import io.rapport.insights.caseload.NudgeStore;
import io.rapport.insights.organization.OrganizationStore;
import io.rapport.insights.overasked.OverAskedStore;
import io.rapport.insights.sharing.ShareStore;
import io.rapport.platform.domain.Erasures;
import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.function.Consumer;

/** Everything insights-service holds about a member, erased on MemberDataErased (read models, shares, cohorts, nudges). */
public class MemberData {

    private final ActivityStore activity;
    private final ShareStore shares;
    private final OrganizationStore organization;
    private final NudgeStore nudges;
    private final OverAskedStore overAsked;
    private final Erasures erasures;
    private final Consumer<String> onFiguresChanged;

    public MemberData(ActivityStore activity, ShareStore shares, OrganizationStore organization, NudgeStore nudges,
            OverAskedStore overAsked, Erasures erasures, Consumer<String> onFiguresChanged) {
        this.overAsked = overAsked;
        this.activity = activity;
        this.shares = shares;
        this.organization = organization;
        this.nudges = nudges;
        this.erasures = erasures;
        this.onFiguresChanged = onFiguresChanged;
    }

    public boolean erase(String requestId, Member member, Instant requestedAt) {
        return erasures.erase(member, requestId, requestedAt, () -> {
            activity.erase(member);
            shares.erase(member);
            organization.erase(member.tenantId(), member.memberId());
            nudges.erase(member);
            overAsked.erase(member);
            onFiguresChanged.accept(member.tenantId());
        });
    }
}
