package io.rapport.insights.caseload;

import io.rapport.insights.activity.ActivityStore;
import io.rapport.insights.activity.Effect.Counter;
import io.rapport.insights.activity.MemberActivity;
import io.rapport.insights.activity.SharedNotes;
import io.rapport.insights.activity.SharedSynthesis;
import io.rapport.insights.activity.Signal;
import io.rapport.insights.organization.Organization;
import io.rapport.insights.sharing.ShareStore;
import io.rapport.insights.sharing.Tier;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import io.rapport.platform.domain.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An advisor's view: only the members assigned to them (directly or through a cohort), and of those only the ones
 * who share at least progress, each shown as far as their tier allows. Anything else is not found, so an advisor
 * cannot tell an unassigned member from one who shares nothing or one who revoked.
 */
public class Caseload {

    private final Organization organization;
    private final ShareStore shares;
    private final ActivityStore activity;
    private final NudgeStore nudges;
    private final Clock clock;

    public Caseload(Organization organization, ShareStore shares, ActivityStore activity, NudgeStore nudges, Clock clock) {
        this.organization = organization;
        this.shares = shares;
        this.activity = activity;
        this.nudges = nudges;
        this.clock = clock;
    }

    /** The funnel a member's progress shows: counts only, no names. */
    public record Funnel(int targets, int contacts, int outreachSent, int replies, int interviewsHeld,
                         int thankYousWithin24h, int thankYousWithin48h, int referrals) {
        static Funnel of(MemberActivity a) {
            return new Funnel(a.targets(), a.count(Counter.CONTACTS), a.count(Counter.OUTREACH), a.count(Counter.REPLIES),
                    a.count(Counter.INTERVIEWS_HELD), a.count(Counter.THANK_YOUS_WITHIN_24H),
                    a.count(Counter.THANK_YOUS_WITHIN_48H), a.count(Counter.REFERRALS));
        }
    }

    public record Row(String memberId, Tier tier, Funnel funnel, List<Signal> signals, Instant lastActivityAt) {
        int need() {
            return signals.stream().mapToInt(signal -> signal.kind() == Signal.Kind.NO_ACTIVITY_FOR_14_DAYS ? 1 : signal.count())
                    .sum();
        }
    }

    /**
     * What a drill-down shows: progress has the funnel, signals and stages; synthesis adds the anonymized synthesis
     * (its themes and skill gaps, no names); full the contacts and the notes of the latest {@link #NOTES_SHOWN}
     * interviews, never an entry marked sensitive.
     */
    public record Detail(Row row, Map<String, Integer> contactsByStage, Synthesis synthesis,
                         List<ActivityStore.KnownContact> contacts, List<SharedNotes> notes) {
    }

    /** The interviews whose notes a drill-down shows, the latest first. */
    public static final int NOTES_SHOWN = 20;

    /** @param anonymized the themes and skill gaps, as the member's notes-service anonymized them; null until the first */
    public record Synthesis(int interviews, int themes, SharedSynthesis anonymized) {
    }

    /** Sorted by who needs help: the most signals first, then the longest without activity. */
    public List<Row> of(String tenantId, String advisorId) {
        Instant now = clock.instant();
        Set<String> assigned = organization.assignedMembers(tenantId, advisorId);
        List<Row> rows = new ArrayList<>();
        shares.sharingWith(tenantId, advisorId).forEach((memberId, tier) -> {
            if (assigned.contains(memberId)) {
                rows.add(row(new Member(memberId, tenantId), tier, now));
            }
        });
        rows.sort(Comparator.comparingInt(Row::need).reversed()
                .thenComparing(Row::lastActivityAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Row::memberId));
        return rows;
    }

    public Detail drillDown(String tenantId, String advisorId, String memberId) {
        Member member = member(tenantId, memberId);
        Tier tier = visibleTier(member, advisorId);
        Row row = row(member, tier, clock.instant());
        Map<String, Integer> stages = new TreeMap<>();
        List<ActivityStore.KnownContact> contacts = activity.contacts(member);
        contacts.forEach(contact -> stages.merge(contact.stage() == null ? "IDENTIFIED" : contact.stage(), 1, Integer::sum));
        MemberActivity a = activity.find(member).orElse(empty(member));
        return new Detail(row, stages,
                tier.includes(Tier.SYNTHESIS)
                        ? new Synthesis(a.synthesisInterviews(), a.synthesisThemes(), activity.synthesis(member).orElse(null))
                        : null,
                tier.includes(Tier.FULL) ? contacts : null,
                tier.includes(Tier.FULL) ? activity.notes(member, NOTES_SHOWN) : null);
    }

    public Nudge nudge(String tenantId, String advisorId, String memberId, String text) {
        Member member = member(tenantId, memberId);
        visibleTier(member, advisorId);
        Change<Nudge> change = Nudge.send(member, advisorId, text, clock.instant());
        nudges.save(change);
        return change.state();
    }

    /** The member's tier for this advisor, or not found when unassigned or sharing nothing. */
    private Tier visibleTier(Member member, String advisorId) {
        if (!organization.assignedMembers(member.tenantId(), advisorId).contains(member.memberId())) {
            throw new NotFoundException("member", member.memberId());
        }
        Tier tier = shares.find(member, advisorId).map(share -> share.tier()).orElse(Tier.NOTHING);
        if (!tier.includes(Tier.PROGRESS)) {
            throw new NotFoundException("member", member.memberId());
        }
        return tier;
    }

    private static Member member(String tenantId, String memberId) {
        if (!Member.isValidId(memberId)) {
            throw new NotFoundException("member", memberId);
        }
        return new Member(memberId, tenantId);
    }

    private Row row(Member member, Tier tier, Instant now) {
        MemberActivity a = activity.find(member).orElse(empty(member));
        return new Row(member.memberId(), tier, Funnel.of(a), Signal.of(a, now), a.lastActivityAt());
    }

    private static MemberActivity empty(Member member) {
        return new MemberActivity(member, 0, Map.of(), Map.of(), Map.of(), List.of(), List.of(), null, 0, 0, Map.of(), Map.of());
    }
}
