package io.rapport.insights.figures;

import io.rapport.insights.activity.Effect.Counter;
import io.rapport.insights.activity.MemberActivity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes a tenant's figures from its members' read models, with k-anonymity: a cell is shown only where at least
 * k distinct members contribute, and no suppressed cell can be recovered by subtracting shown ones. For each figure
 * and period, a shown cell whose contributors are a proper subset of another shown cell's is suppressed when the
 * difference has fewer than k members (a cohort against the tenant total, or a cohort inside another), and so is
 * one of the cells inside a shown cell when the members that none of them covers are fewer than k (the tenant
 * total less every shown cohort of a partition); repeated until nothing changes.
 *
 * <p>The top industries approached are cells of the same kind, one per industry: its contributors in a group are the
 * group's members who sent outreach to a contact in it during the period, and the same {@link Suppression} decides
 * which groups may show it. A group then lists its shown industries, the most members first (ties by name), at most
 * {@value #TOP_INDUSTRIES}; an industry below k in a group, or given away by differencing, is simply not listed.
 */
public final class FigureTable {

    /** The weeks computed besides the total to date: the latest ones with data. */
    public static final int WEEKS_KEPT = 12;
    /** How many industries a group lists: its most approached. */
    public static final int TOP_INDUSTRIES = 5;
    static final String TOTAL = "";

    private FigureTable() {
    }

    public static TenantFigures compute(String tenantId, List<MemberActivity> members,
            Map<String, Set<String>> memberships, Set<String> cohortIds, int k, Instant now) {
        Map<String, TenantFigures.Period> periods = new LinkedHashMap<>();
        periods.put(TenantFigures.TO_DATE, period(members, memberships, cohortIds, k, null));
        TreeSet<String> weeks = new TreeSet<>(Comparator.reverseOrder());
        members.forEach(member -> weeks.addAll(member.weeks().keySet()));
        weeks.stream().limit(WEEKS_KEPT).forEach(week -> periods.put(week, period(members, memberships, cohortIds, k, week)));
        return new TenantFigures(tenantId, k, now, periods);
    }

    /** One member's part in a period: the counters, the latencies and the outreach per industry key. */
    private record Part(String memberId, boolean active, Map<Counter, Integer> counts, Map<Integer, Integer> latencies,
                        Map<String, Integer> industries) {
        int count(Counter counter) {
            return counts.getOrDefault(counter, 0);
        }
    }

    private static TenantFigures.Period period(List<MemberActivity> members, Map<String, Set<String>> memberships,
            Set<String> cohortIds, int k, String week) {
        List<Part> parts = new ArrayList<>();
        for (MemberActivity member : members) {
            if (week == null) {
                parts.add(new Part(member.member().memberId(), true, member.totals(), member.latencies(),
                        member.industries()));
            } else if (member.weeks().containsKey(week)) {
                MemberActivity.Week w = member.weeks().get(week);
                parts.add(new Part(member.member().memberId(), true, w.counts(), w.latencies(), w.industries()));
            }
        }
        Map<String, List<Part>> groups = new LinkedHashMap<>();
        groups.put(TOTAL, parts);
        for (String cohort : new TreeSet<>(cohortIds)) {
            groups.put(cohort, parts.stream()
                    .filter(part -> memberships.getOrDefault(part.memberId(), Set.of()).contains(cohort)).toList());
        }
        Map<String, Map<Figure, Double>> shown = new LinkedHashMap<>();
        groups.keySet().forEach(group -> shown.put(group, new EnumMap<>(Figure.class)));
        for (Figure figure : Figure.values()) {
            Map<String, Set<String>> contributors = new LinkedHashMap<>();
            Map<String, Double> values = new HashMap<>();
            groups.forEach((group, groupParts) -> {
                List<Part> contributing = groupParts.stream().filter(part -> contributes(figure, part)).toList();
                Set<String> ids = new HashSet<>();
                contributing.forEach(part -> ids.add(part.memberId()));
                contributors.put(group, ids);
                values.put(group, value(figure, contributing));
            });
            for (String group : Suppression.shown(contributors, k)) {
                Double value = values.get(group);
                if (value != null) {
                    shown.get(group).put(figure, value);
                }
            }
        }
        Map<String, Map<Figure, Double>> cohorts = new TreeMap<>(shown);
        cohorts.remove(TOTAL);
        Map<String, List<TopIndustry>> industries = topIndustries(groups, names(members), k);
        List<TopIndustry> totalIndustries = industries.remove(TOTAL);
        return new TenantFigures.Period(shown.get(TOTAL), cohorts, totalIndustries, new TreeMap<>(industries));
    }

    /** Each group's shown industries, the most members first, then by name; at most {@value #TOP_INDUSTRIES}. */
    private static Map<String, List<TopIndustry>> topIndustries(Map<String, List<Part>> groups, Map<String, String> names,
            int k) {
        Set<String> keys = new TreeSet<>();
        groups.get(TOTAL).forEach(part -> part.industries().forEach((key, count) -> {
            if (count > 0) {
                keys.add(key);
            }
        }));
        Map<String, List<TopIndustry>> shown = new LinkedHashMap<>();
        groups.keySet().forEach(group -> shown.put(group, new ArrayList<>()));
        for (String key : keys) {
            Map<String, Set<String>> contributors = new LinkedHashMap<>();
            groups.forEach((group, groupParts) -> {
                Set<String> ids = new HashSet<>();
                groupParts.stream().filter(part -> part.industries().getOrDefault(key, 0) > 0)
                        .forEach(part -> ids.add(part.memberId()));
                contributors.put(group, ids);
            });
            for (String group : Suppression.shown(contributors, k)) {
                shown.get(group).add(new TopIndustry(names.getOrDefault(key, key), contributors.get(group).size()));
            }
        }
        Map<String, List<TopIndustry>> top = new LinkedHashMap<>();
        shown.forEach((group, industries) -> top.put(group, industries.stream()
                .sorted(Comparator.comparingInt(TopIndustry::members).reversed()
                        .thenComparing(TopIndustry::industry, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(TopIndustry::industry))
                .limit(TOP_INDUSTRIES).toList()));
        return top;
    }

    /**
     * How each industry is shown: the spelling most of the tenant's members used (a tie goes to the first in
     * alphabetical order), so "fintech" and "FinTech" are one industry under one name.
     */
    private static Map<String, String> names(List<MemberActivity> members) {
        Map<String, Map<String, Integer>> spellings = new HashMap<>();
        members.forEach(member -> member.industryNames().forEach((key, name) ->
                spellings.computeIfAbsent(key, any -> new TreeMap<>()).merge(name, 1, Integer::sum)));
        Map<String, String> names = new HashMap<>();
        spellings.forEach((key, counts) -> names.put(key, counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry::getKey, Comparator.<String>reverseOrder()))
                .orElseThrow().getKey()));
        return names;
    }

    static boolean contributes(Figure figure, Part part) {
        return switch (figure) {
            case ACTIVE_MEMBERS, INTERVIEWS_PER_MEMBER -> part.active();
            case REPLY_RATE -> part.count(Counter.OUTREACH) > 0;
            case MEDIAN_REPLY_BUSINESS_DAYS -> part.latencies().values().stream().anyMatch(count -> count > 0);
            case THANK_YOUS_WITHIN_24H, THANK_YOUS_WITHIN_48H -> part.count(Counter.THANK_YOUS) > 0;
            case REFERRALS_PER_INTERVIEW -> part.count(Counter.INTERVIEWS_HELD) > 0;
        };
    }

    private static Double value(Figure figure, List<Part> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        return switch (figure) {
            case ACTIVE_MEMBERS -> (double) parts.size();
            case REPLY_RATE -> ratio(sum(parts, Counter.REPLIES), sum(parts, Counter.OUTREACH));
            case MEDIAN_REPLY_BUSINESS_DAYS -> median(parts);
            case INTERVIEWS_PER_MEMBER -> ratio(sum(parts, Counter.INTERVIEWS_HELD), parts.size());
            case THANK_YOUS_WITHIN_24H -> ratio(sum(parts, Counter.THANK_YOUS_WITHIN_24H), sum(parts, Counter.THANK_YOUS));
            case THANK_YOUS_WITHIN_48H -> ratio(sum(parts, Counter.THANK_YOUS_WITHIN_48H), sum(parts, Counter.THANK_YOUS));
            case REFERRALS_PER_INTERVIEW -> ratio(sum(parts, Counter.REFERRALS), sum(parts, Counter.INTERVIEWS_HELD));
        };
    }

    private static int sum(List<Part> parts, Counter counter) {
        return parts.stream().mapToInt(part -> part.count(counter)).sum();
    }

    private static Double ratio(int numerator, int denominator) {
        return denominator == 0 ? null : Math.round(1000.0 * numerator / denominator) / 1000.0;
    }

    private static Double median(List<Part> parts) {
        TreeMap<Integer, Integer> histogram = new TreeMap<>();
        parts.forEach(part -> part.latencies().forEach((days, count) -> histogram.merge(days, count, Integer::sum)));
        int total = histogram.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return null;
        }
        int lower = nth(histogram, (total - 1) / 2);
        int upper = nth(histogram, total / 2);
        return (lower + upper) / 2.0;
    }

    private static int nth(TreeMap<Integer, Integer> histogram, int index) {
        int seen = 0;
        for (Map.Entry<Integer, Integer> entry : histogram.entrySet()) {
            seen += entry.getValue();
            if (index < seen) {
                return entry.getKey();
            }
        }
        return histogram.lastKey();
    }
}
