package io.rapport.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.OutreachReplied;
import io.rapport.events.OutreachSent;
import io.rapport.insights.activity.Weeks;
import io.rapport.test.ApiClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The organization's figures, precomputed as events arrive: shown where at least k members contribute, and never
 * where subtracting a cohort from the tenant total would single out fewer than k.
 */
@InsightsServiceTest
class CohortFiguresIT {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void aCohortWhoseComplementIsBelowKIsSuppressedEverywhere() {
        Tenant tenant = new Tenant(port, kafka);
        ApiClient admin = tenant.admin("dean");
        String mba = admin.post("/api/insights/admin/cohorts", "{\"name\": \"MBA\"}").text("id");
        String small = admin.post("/api/insights/admin/cohorts", "{\"name\": \"PhD\"}").text("id");
        String wide = admin.post("/api/insights/admin/cohorts", "{\"name\": \"Class of 2026\"}").text("id");
        Instant sent = Instant.parse("2026-11-23T09:00:00Z");
        // 8 active members: 6 in MBA (2 outside it: MBA's cells would give them away), 3 in PhD (below k),
        // and 8 − 5 ... Class of 2026 has 13 with the quiet ones, 3 of whom are active: below k.
        for (int i = 1; i <= 8; i++) {
            String member = "m" + i;
            if (i <= 6) {
                admin.put("/api/insights/admin/cohorts/" + mba + "/members/" + member, "");
            } else {
                admin.put("/api/insights/admin/cohorts/" + small + "/members/" + member, "");
            }
            if (i >= 6) {
                admin.put("/api/insights/admin/cohorts/" + wide + "/members/" + member, "");
            }
            tenant.publish(member, new OutreachSent("o-1", "c-1", "Northwind", "email", "UTC", sent, null),
                    new OutreachReplied("o-1", "c-1", "Northwind", "REPLIED", i % 3, sent.plus(Duration.ofDays(1))));
        }
        admin.put("/api/insights/admin/cohorts/" + small + "/members/quiet", "");

        // Every member's reply applied too, not only their outreach: ACTIVE_MEMBERS reaches 8 with the sends alone,
        // and CI once read the figures between the last send and the last reply (REPLY_RATE 0.875).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode total = admin.get("/api/insights/admin/figures").json().path("total");
            assertThat(total.path("ACTIVE_MEMBERS").asDouble()).isEqualTo(8.0);
            assertThat(total.path("REPLY_RATE").asDouble()).isEqualTo(1.0);
        });
        JsonNode toDate = admin.get("/api/insights/admin/figures").json();

        assertThat(toDate.path("minGroupSize").asInt()).isEqualTo(5);
        assertThat(toDate.path("total").path("REPLY_RATE").asDouble()).isEqualTo(1.0);
        for (JsonNode cohort : toDate.path("cohorts")) {
            assertThat(cohort.path("figures").size()).as(cohort.path("name").asString() + " shows nothing").isZero();
        }
        // the week's figures, and every period offered: no cell below k, no cohort given away by the total
        // Weeks are counted by when an event was recorded (its envelope's time, now), not by the date in its payload:
        // a fixed payload date's week stopped being the publishing week when the calendar moved on (it failed in CI).
        String week = Weeks.of(Instant.now());
        assertThat(toDate.path("periods").toString()).contains(week);
        for (JsonNode period : toDate.path("periods")) {
            JsonNode figures = admin.get("/api/insights/admin/figures?period=" + period.asString()).json();
            assertThat(figures.path("total").path("ACTIVE_MEMBERS").asDouble()).isGreaterThanOrEqualTo(5.0);
            figures.path("cohorts").forEach(cohort -> assertThat(cohort.path("figures").size()).isZero());
            assertThat(figures.toString()).doesNotContain("m1", "quiet", "Northwind");
        }

        // four more MBA members: MBA 10 of 12 active members is still 2 outside; with 5 outside, MBA is shown
        for (int i = 9; i <= 12; i++) {
            admin.put("/api/insights/admin/cohorts/" + mba + "/members/m" + i, "");
            tenant.publish("m" + i, new OutreachSent("o-1", "c-1", "Northwind", "email", "UTC", sent, null));
        }
        for (int i = 13; i <= 15; i++) {
            tenant.publish("m" + i, new OutreachSent("o-1", "c-1", "Northwind", "email", "UTC", sent, null));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode figures = admin.get("/api/insights/admin/figures").json();
            assertThat(figures.path("total").path("ACTIVE_MEMBERS").asDouble()).isEqualTo(15.0);
            JsonNode mbaFigures = figures.path("cohorts").findParents("cohortId").stream()
                    .filter(cohort -> cohort.path("cohortId").asString().equals(mba)).findFirst().orElseThrow().path("figures");
            assertThat(mbaFigures.path("ACTIVE_MEMBERS").asDouble()).isEqualTo(10.0);
            assertThat(mbaFigures.path("REPLY_RATE").asDouble()).isEqualTo(0.6);
        });
    }

    @Test
    void theTopIndustriesApproachedListOnlyThoseAtLeastKMembersApproached() {
        Tenant tenant = new Tenant(port, kafka);
        ApiClient admin = tenant.admin("dean");
        String mba = admin.post("/api/insights/admin/cohorts", "{\"name\": \"MBA\"}").text("id");
        Instant sent = Instant.parse("2026-11-24T09:00:00Z");
        for (int i = 1; i <= 9; i++) {
            String member = "m" + i;
            if (i <= 5) {
                admin.put("/api/insights/admin/cohorts/" + mba + "/members/" + member, "");
            }
            // 5 members approach fintech (spelled their own way), 4 energy: below k
            String industry = i <= 5 ? (i % 2 == 0 ? " fintech" : "Fintech") : "Energy";
            tenant.publish(member, new OutreachSent("o-1", "c-1", "Northwind", "email", "UTC", sent, industry));
        }
        tenant.publish("m1", new OutreachSent("o-2", "c-2", "Contoso", "email", "UTC", sent, null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin.get("/api/insights/admin/figures")
                .json().path("total").path("ACTIVE_MEMBERS").asDouble()).isEqualTo(9.0));
        for (String period : new String[] {"to-date", Weeks.of(Instant.now())}) { // the week the events were recorded in
            JsonNode figures = admin.get("/api/insights/admin/figures?period=" + period).json();
            JsonNode top = figures.path("topIndustries");
            assertThat(top.size()).as(period).isEqualTo(1);
            assertThat(top.get(0).path("industry").asString()).isEqualTo("Fintech");
            assertThat(top.get(0).path("members").asInt()).isEqualTo(5);
            JsonNode cohort = figures.path("cohorts").get(0);
            assertThat(cohort.path("topIndustries").get(0).path("members").asInt())
                    .as("the same 5 members: nothing to subtract").isEqualTo(5);
            assertThat(figures.toString()).as("below k: never returned").doesNotContain("Energy", "energy");
        }
    }

    @Test
    void anUnknownPeriodIsAProblemNamingIt() {
        ApiClient admin = new Tenant(port, kafka).admin("dean");

        ApiClient.Response response = admin.get("/api/insights/admin/figures?period=last-week");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("period");
    }
}
