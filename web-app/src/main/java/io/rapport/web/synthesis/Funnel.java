package io.rapport.web.synthesis;

import io.rapport.web.charts.BarChart;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The member's funnel (targets → outreach → replies → interviews → thank-yous → referrals) and how many business days
 * replies took, counted from what the member's own contacts, employers and interviews say.
 */
final class Funnel {

    private static final Set<String> THANKED = Set.of("THANKED", "NURTURING");

    private Funnel() {
    }

    static BarChart funnel(List<Map<String, Object>> employers, List<Map<String, Object>> contacts, List<Map<String, Object>> interviews) {
        int reachedOut = 0;
        int replied = 0;
        int thanked = 0;
        int referred = 0;
        for (Map<String, Object> contact : contacts) {
            List<Map<String, Object>> outreach = outreach(contact);
            if (!outreach.isEmpty()) {
                reachedOut++;
            }
            if (outreach.stream().anyMatch(o -> "REPLIED".equals(o.get("status")))) {
                replied++;
            }
            if (THANKED.contains(String.valueOf(contact.get("stage")))) {
                thanked++;
            }
            if (contact.get("referredByContactId") != null) {
                referred++;
            }
        }
        int held = (int) interviews.stream().filter(i -> "HELD".equals(i.get("status"))).count();
        return BarChart.of("Your funnel, from target employers to referrals", List.of(
                new BarChart.Bar("target employers", employers.size()),
                new BarChart.Bar("contacts written to", reachedOut),
                new BarChart.Bar("replies", replied),
                new BarChart.Bar("interviews held", held),
                new BarChart.Bar("thank-yous sent", thanked),
                new BarChart.Bar("referrals", referred)));
    }

    /** Replies by how many business days they took: 0, 1, 2, 3, 4, then 5 or more. */
    static BarChart replyLatency(List<Map<String, Object>> contacts) {
        int[] counts = new int[6];
        for (Map<String, Object> contact : contacts) {
            for (Map<String, Object> attempt : outreach(contact)) {
                if (attempt.get("latencyBusinessDays") instanceof Number days && "REPLIED".equals(attempt.get("status"))) {
                    counts[Math.min(5, Math.max(0, days.intValue()))]++;
                }
            }
        }
        return BarChart.of("Replies by business days to answer", List.of(
                new BarChart.Bar("same day", counts[0]), new BarChart.Bar("1 business day", counts[1]),
                new BarChart.Bar("2 business days", counts[2]), new BarChart.Bar("3 business days", counts[3]),
                new BarChart.Bar("4 business days", counts[4]), new BarChart.Bar("5 or more", counts[5])));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> outreach(Map<String, Object> contact) {
        return contact.get("outreach") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
