package io.rapport.web.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.web.charts.BarChart;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunnelTest {

    @Test
    void eachStepCountsTheContactsThatReachedIt() {
        List<Map<String, Object>> contacts = List.of(
                contact("THANKED", null, outreach("REPLIED", 2)),
                contact("REPLIED", null, outreach("REPLIED", 0)),
                contact("OUTREACH_SENT", null, outreach("SENT", null)),
                contact("IDENTIFIED", "c-1"));
        List<Map<String, Object>> interviews = List.of(Map.of("status", "HELD"), Map.of("status", "CONFIRMED"));

        BarChart funnel = Funnel.funnel(List.of(Map.of("id", "e1"), Map.of("id", "e2")), contacts, interviews);

        assertThat(funnel.bars()).extracting(BarChart.Bar::value).containsExactly(2, 3, 2, 1, 1, 1);
    }

    @Test
    void repliesAreCountedByTheBusinessDaysTheyTook() {
        BarChart latency = Funnel.replyLatency(List.of(
                contact("REPLIED", null, outreach("REPLIED", 0)),
                contact("REPLIED", null, outreach("REPLIED", 2)),
                contact("REPLIED", null, outreach("REPLIED", 9)),
                contact("DECLINED", null, outreach("DECLINED", 1))));

        assertThat(latency.bars()).extracting(BarChart.Bar::value).containsExactly(1, 0, 1, 0, 0, 1);
    }

    @SafeVarargs
    private static Map<String, Object> contact(String stage, String referredBy, Map<String, Object>... outreach) {
        Map<String, Object> contact = new HashMap<>();
        contact.put("stage", stage);
        contact.put("referredByContactId", referredBy);
        contact.put("outreach", List.of(outreach));
        return contact;
    }

    private static Map<String, Object> outreach(String status, Integer latency) {
        Map<String, Object> attempt = new HashMap<>();
        attempt.put("status", status);
        attempt.put("latencyBusinessDays", latency);
        return attempt;
    }
}
