package io.rapport.web.admin;

import io.rapport.web.charts.SuppressibleChart;
import io.rapport.web.gateway.Gateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organization's figures: to date for the whole organization and each cohort (a table, suppressed cells said as
 * such), and one figure of one group week by week (a chart, suppressed weeks drawn as such, with its table). The
 * service precomputes every period; this page reads them (one small document each, the weeks all at once) and draws
 * them.
 */
@Controller
class FiguresPage {

    static final String TOTAL = "total";
    static final String TO_DATE = "to-date";

    /** The service computes the 12 latest ISO weeks (UTC). */
    static final int WEEKS = 12;

    private final Gateway api;
    private final java.time.Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    FiguresPage(Gateway api) {
        this(api, java.time.Clock.systemUTC());
    }

    FiguresPage(Gateway api, java.time.Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** The ISO weeks ("2026-W48") ending with the one {@code now} is in, oldest first, as the service names them. */
    static List<String> lastWeeks(java.time.Instant now, int count) {
        java.time.LocalDate today = now.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        List<String> weeks = new ArrayList<>();
        for (int back = count - 1; back >= 0; back--) {
            java.time.LocalDate day = today.minusWeeks(back);
            weeks.add(String.format("%d-W%02d", day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                    day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        }
        return weeks;
    }

    /** One row of the to-date table: a group and its cells, as read. */
    record GroupRow(String id, String name, List<String> cells) {
    }

    /**
     * A group's most approached industries to date and in the current week, as read (only those the service shows: at
     * least k members).
     */
    record IndustryRow(String name, List<Industry> industries, List<Industry> thisWeek) {
    }

    record Industry(String industry, int members) {
    }

    @GetMapping("/admin/figures")
    String figures(@RequestParam(required = false) String figure, @RequestParam(required = false) String group, Model model) {
        FigureFormat chosen = FigureFormat.parse(figure);
        Map<String, Object> toDate = api.get("/api/insights/admin/figures?period=" + TO_DATE);
        List<GroupRow> rows = new ArrayList<>();
        rows.add(row(TOTAL, "Whole organization", map(toDate.get("total"))));
        java.util.Set<String> computed = new java.util.HashSet<>();
        if (toDate.get("periods") instanceof List<?> periods) {
            periods.forEach(period -> computed.add(String.valueOf(period)));
        }
        List<String> weeks = lastWeeks(clock.instant(), WEEKS);
        List<String> asked = weeks.stream().filter(computed::contains).toList(); // no member active: nothing to read
        List<Map<String, Object>> views = api.getAll(asked.stream().map(week -> "/api/insights/admin/figures?period=" + week).toList());
        String currentWeek = weeks.getLast();
        Map<String, Object> thisWeek = asked.contains(currentWeek) ? views.get(asked.indexOf(currentWeek)) : Map.of();
        Map<String, Object> thisWeeksCohorts = new java.util.HashMap<>();
        list(thisWeek.get("cohorts")).forEach(cohort -> thisWeeksCohorts.put(String.valueOf(cohort.get("cohortId")), cohort));

        List<IndustryRow> industries = new ArrayList<>();
        industries.add(new IndustryRow("Whole organization", industries(toDate.get("topIndustries")),
                industries(thisWeek.get("topIndustries"))));
        String chosenGroup = TOTAL;
        String groupName = "the whole organization";
        for (Map<String, Object> cohort : list(toDate.get("cohorts"))) {
            String id = String.valueOf(cohort.get("cohortId"));
            rows.add(row(id, String.valueOf(cohort.get("name")), map(cohort.get("figures"))));
            industries.add(new IndustryRow(String.valueOf(cohort.get("name")), industries(cohort.get("topIndustries")),
                    industries(map(thisWeeksCohorts.get(id)).get("topIndustries"))));
            if (id.equals(group)) {
                chosenGroup = id;
                groupName = String.valueOf(cohort.get("name"));
            }
        }
        List<SuppressibleChart.Point> points = new ArrayList<>();
        for (String week : weeks) {
            int index = asked.indexOf(week);
            if (index < 0) {
                points.add(SuppressibleChart.Point.noActivity(week));
                continue;
            }
            Map<String, Object> view = views.get(index);
            Map<String, Object> cells = map(view.get("total"));
            if (!TOTAL.equals(chosenGroup)) {
                cells = Map.of();
                for (Map<String, Object> cohort : list(view.get("cohorts"))) {
                    if (chosenGroup.equals(String.valueOf(cohort.get("cohortId")))) {
                        cells = map(cohort.get("figures"));
                    }
                }
            }
            Object value = cells.get(chosen.name());
            points.add(SuppressibleChart.Point.of(week, value instanceof Number n ? n.doubleValue() : null, chosen.format(value)));
        }
        model.addAttribute("figures", FigureFormat.all());
        model.addAttribute("rows", rows);
        model.addAttribute("industries", industries);
        model.addAttribute("currentWeek", currentWeek);
        model.addAttribute("k", toDate.get("minGroupSize"));
        model.addAttribute("computedAt", toDate.get("computedAt"));
        model.addAttribute("figure", chosen);
        model.addAttribute("group", chosenGroup);
        model.addAttribute("weekly", SuppressibleChart.of(chosen.label() + " week by week, " + groupName, points));
        return "figures";
    }

    private static GroupRow row(String id, String name, Map<String, Object> cells) {
        return new GroupRow(id, name, FigureFormat.all().stream().map(f -> f.format(cells.get(f.name()))).toList());
    }

    private static List<Industry> industries(Object value) {
        return list(value).stream().map(industry -> new Industry(String.valueOf(industry.get("industry")),
                industry.get("members") instanceof Number members ? members.intValue() : 0)).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
