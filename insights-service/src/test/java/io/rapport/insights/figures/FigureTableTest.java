package io.rapport.insights.figures;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.insights.activity.Effect.Counter;
import io.rapport.insights.activity.MemberActivity;
import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FigureTableTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private static MemberActivity member(String id, int outreach, int replies, int latency) {
        Map<Counter, Integer> totals = Map.of(Counter.OUTREACH, outreach, Counter.REPLIES, replies,
                Counter.INTERVIEWS_HELD, 1);
        Map<Integer, Integer> latencies = replies == 0 ? Map.of() : Map.of(latency, replies);
        return new MemberActivity(new Member(id, "uni"), 1, totals, latencies,
                Map.of("2026-W48", new MemberActivity.Week(totals, latencies, Map.of())), List.of(), List.of(), NOW, 0, 0, Map.of(), Map.of());
    }

    @Test
    void theDifferencingAttackBetweenACohortAndTheTotalFindsNothing() {
        // 7 members in the cohort, 2 outside: the cohort alone would be shown (7 >= 5), but total − cohort would give
        // the 2 outsiders' reply rate. So the cohort's cells are suppressed and only the total is shown.
        List<MemberActivity> members = new ArrayList<>();
        Map<String, Set<String>> memberships = new HashMap<>();
        for (int i = 1; i <= 7; i++) {
            members.add(member("in" + i, 10, 5, 2));
            memberships.put("in" + i, Set.of("cohort"));
        }
        members.add(member("out1", 10, 0, 0));
        members.add(member("out2", 10, 0, 0));

        TenantFigures figures = FigureTable.compute("uni", members, memberships, Set.of("cohort"), 5, NOW);

        TenantFigures.Period toDate = figures.periods().get(TenantFigures.TO_DATE);
        assertThat(toDate.total()).containsEntry(Figure.REPLY_RATE, 0.389).containsEntry(Figure.ACTIVE_MEMBERS, 9.0);
        assertThat(toDate.cohorts().get("cohort")).doesNotContainKeys(Figure.ACTIVE_MEMBERS, Figure.REPLY_RATE,
                Figure.INTERVIEWS_PER_MEMBER, Figure.REFERRALS_PER_INTERVIEW);
        assertThat(figures.periods().get("2026-W48").cohorts().get("cohort")).doesNotContainKeys(Figure.ACTIVE_MEMBERS,
                Figure.REPLY_RATE, Figure.INTERVIEWS_PER_MEMBER, Figure.REFERRALS_PER_INTERVIEW);
        // Only the cohort's members had replies: the same 7 contribute to both medians, so it is shown and teaches
        // nothing about the two outside.
        assertThat(toDate.cohorts().get("cohort").get(Figure.MEDIAN_REPLY_BUSINESS_DAYS))
                .isEqualTo(toDate.total().get(Figure.MEDIAN_REPLY_BUSINESS_DAYS));
    }

    @Test
    void figuresOfAtLeastKMembersAreShownWithTheirValues() {
        List<MemberActivity> members = new ArrayList<>();
        Map<String, Set<String>> memberships = new HashMap<>();
        for (int i = 1; i <= 5; i++) {
            members.add(member("a" + i, 4, 2, i));
            memberships.put("a" + i, Set.of("a"));
        }
        for (int i = 1; i <= 5; i++) {
            members.add(member("b" + i, 4, 1, 1));
            memberships.put("b" + i, Set.of("b"));
        }

        TenantFigures.Period toDate = FigureTable.compute("uni", members, memberships, Set.of("a", "b"), 5, NOW)
                .periods().get(TenantFigures.TO_DATE);

        assertThat(toDate.cohorts().get("a")).containsEntry(Figure.REPLY_RATE, 0.5)
                .containsEntry(Figure.MEDIAN_REPLY_BUSINESS_DAYS, 3.0).containsEntry(Figure.INTERVIEWS_PER_MEMBER, 1.0);
        assertThat(toDate.cohorts().get("b")).containsEntry(Figure.REPLY_RATE, 0.25);
        assertThat(toDate.total()).containsEntry(Figure.ACTIVE_MEMBERS, 10.0)
                .doesNotContainKey(Figure.THANK_YOUS_WITHIN_24H);
    }

    /** A member who sent one outreach to a contact in each industry given (as they spelled it), in week 48. */
    private static MemberActivity approaching(String id, String... industries) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (String text : industries) {
            io.rapport.insights.activity.Industry industry = io.rapport.insights.activity.Industry.of(text);
            counts.merge(industry.key(), 1, Integer::sum);
            names.put(industry.key(), industry.name());
        }
        Map<Counter, Integer> totals = Map.of(Counter.OUTREACH, industries.length);
        return new MemberActivity(new Member(id, "uni"), 1, totals, Map.of(),
                Map.of("2026-W48", new MemberActivity.Week(totals, Map.of(), counts)), List.of(), List.of(), NOW, 0, 0,
                counts, names);
    }

    @Test
    void anIndustryApproachedByKMembersIsListedWithItsMembersAndOneApproachedByKMinusOneIsNot() {
        List<MemberActivity> members = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            // spelled each member's own way: one industry
            members.add(approaching("f" + i, i % 2 == 0 ? "  fintech " : "Fintech", "Robotics"));
        }
        for (int i = 1; i <= 4; i++) {
            members.add(approaching("h" + i, "Health care"));
        }

        TenantFigures figures = FigureTable.compute("uni", members, Map.of(), Set.of(), 5, NOW);

        assertThat(figures.periods().get(TenantFigures.TO_DATE).totalIndustries())
                .containsExactly(new TopIndustry("Fintech", 5), new TopIndustry("Robotics", 5));
        assertThat(figures.periods().get("2026-W48").totalIndustries())
                .as("the week's, the same").containsExactly(new TopIndustry("Fintech", 5), new TopIndustry("Robotics", 5));
        assertThat(figures.periods().get(TenantFigures.TO_DATE).totalIndustries().toString()).doesNotContain("Health");
    }

    @Test
    void atMostFiveIndustriesAreListedTheMostApproachedFirstTiesByName() {
        List<MemberActivity> members = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            members.add(approaching("m" + i, i <= 6 ? "Zoology" : "Energy", i <= 5 ? "Agriculture" : "Energy",
                    "Biotech", "Aerospace", "Media", "Retail", "Consulting"));
        }

        List<TopIndustry> top = FigureTable.compute("uni", members, Map.of(), Set.of(), 5, NOW)
                .periods().get(TenantFigures.TO_DATE).totalIndustries();

        assertThat(top).extracting(TopIndustry::industry)
                .containsExactly("Aerospace", "Biotech", "Consulting", "Media", "Retail");
        assertThat(top).extracting(TopIndustry::members).containsOnly(7);
    }

    @Test
    void theDifferencingAttackOnAnIndustryBetweenACohortAndTheTotalFindsNothing() {
        // 6 members of the cohort and 2 outside it approached Energy: both cells have at least k = 5 members, but
        // total − cohort would say that 2 members outside the cohort approached Energy. The cohort's Energy goes.
        List<MemberActivity> members = new ArrayList<>();
        Map<String, Set<String>> memberships = new HashMap<>();
        for (int i = 1; i <= 6; i++) {
            members.add(approaching("in" + i, "Energy", "Media"));
            memberships.put("in" + i, Set.of("cohort"));
        }
        for (int i = 1; i <= 5; i++) {
            members.add(approaching("out" + i, i <= 2 ? "Energy" : "Retail", "Media"));
        }

        TenantFigures.Period toDate = FigureTable.compute("uni", members, memberships, Set.of("cohort"), 5, NOW)
                .periods().get(TenantFigures.TO_DATE);

        assertThat(toDate.totalIndustries()).containsExactly(new TopIndustry("Media", 11), new TopIndustry("Energy", 8));
        assertThat(toDate.cohortIndustries().get("cohort")).as("Media: 5 members outside, nothing singled out")
                .containsExactly(new TopIndustry("Media", 6));
    }
}
