package io.rapport.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.ContactAdded;
import io.rapport.events.InterviewHeld;
import io.rapport.events.NoteRecorded;
import io.rapport.events.OutreachReplied;
import io.rapport.events.OutreachSent;
import io.rapport.events.ReferralRecorded;
import io.rapport.events.ReminderDue;
import io.rapport.events.SynthesisUpdated;
import io.rapport.events.ThankYouSent;
import io.rapport.test.ApiClient;
import io.rapport.test.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An admin puts members in a cohort and assigns an advisor to it; what the advisor then sees depends on each
 * member's choice, and nothing else: unassigned advisors, other tenants' advisors and revoked shares see nothing.
 */
@InsightsServiceTest
class AdvisorCaseloadIT {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    private Tenant tenant;
    private ApiClient admin;

    @BeforeEach
    void newTenant() {
        tenant = new Tenant(port, kafka);
        admin = tenant.admin("dean");
    }

    private String cohortWith(String... members) {
        String cohort = admin.post("/api/insights/admin/cohorts", "{\"name\": \"MBA 2026\", \"kind\": \"program\"}").text("id");
        for (String member : members) {
            assertThat(admin.put("/api/insights/admin/cohorts/" + cohort + "/members/" + member, "").status()).isEqualTo(204);
        }
        return cohort;
    }

    private void activityOf(String member) {
        Instant sent = Instant.now().minus(Duration.ofDays(3));
        tenant.publish(member,
                new ContactAdded("c-1", "Priya Raman", "priya@northwind.example", "Northwind Health", "Product Manager",
                        "alumni", "America/New_York", null, sent, null),
                new OutreachSent("o-1", "c-1", "Northwind Health", "email", "America/Chicago", sent, null),
                new OutreachReplied("o-1", "c-1", "Northwind Health", "REPLIED", 1, sent.plus(Duration.ofDays(1))),
                new InterviewHeld("i-1", "c-1", sent.plus(Duration.ofDays(2)), 30, 30, false, sent.plus(Duration.ofDays(2))),
                new ThankYouSent("i-1", "c-1", "email", sent.plus(Duration.ofDays(2)).plus(Duration.ofHours(20)), 20, false),
                new ReferralRecorded("r-1", "i-1", "c-1", "Sam Lee", "Orbit Energy", "Engineer", true),
                // notes-service leaves sensitive entries out of what it shares
                new NoteRecorded("i-1", "c-1", 2, List.of("SKILLS", "CULTURE"), sent.plus(Duration.ofDays(2)),
                        new NoteRecorded.Shared(List.of(new NoteRecorded.SharedEntry("skills", "SQL every day")),
                                List.of("Learn dbt"), null)));
    }

    @Test
    void anAdvisorSeesTheAssignedMembersWhoShareAndOnlyAsFarAsTheyShare() {
        String cohort = cohortWith("ada", "bo");
        assertThat(admin.put("/api/insights/admin/advisors/mentor/cohorts/" + cohort, "").status()).isEqualTo(204);
        activityOf("ada");
        activityOf("bo");
        ApiClient mentor = tenant.advisor("mentor");

        assertThat(tenant.member("ada").get("/api/insights/sharing").json().path("advisors").toString()).contains("mentor");
        assertThat(tenant.member("ada").put("/api/insights/sharing/mentor", "{\"tier\": \"progress\"}").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode members = mentor.get("/api/insights/advisor/caseload").json().path("members");
            assertThat(members).hasSize(1);
            JsonNode funnel = members.get(0).path("funnel");
            assertThat(members.get(0).path("memberId").asString()).isEqualTo("ada");
            assertThat(funnel.path("contacts").asInt()).isEqualTo(1);
            assertThat(funnel.path("outreachSent").asInt()).isEqualTo(1);
            assertThat(funnel.path("replies").asInt()).isEqualTo(1);
            assertThat(funnel.path("interviewsHeld").asInt()).isEqualTo(1);
            assertThat(funnel.path("thankYousWithin24h").asInt()).isEqualTo(1);
            assertThat(funnel.path("referrals").asInt()).isEqualTo(1);
            assertThat(funnel.path("targets").asInt()).isEqualTo(1);
        });
        // progress: counts and stages, no names
        ApiClient.Response progress = mentor.get("/api/insights/advisor/members/ada");
        assertThat(progress.status()).isEqualTo(200);
        assertThat(progress.raw().body()).doesNotContain("Priya").doesNotContain("northwind.example");
        assertThat(progress.json().path("contactsByStage").path("IDENTIFIED").asInt()).isEqualTo(1);
        assertThat(progress.json().path("contacts").isNull()).isTrue();
        // bo shares nothing: not in the caseload, and not found
        assertThat(mentor.get("/api/insights/advisor/members/bo").status()).isEqualTo(404);

        assertThat(progress.json().path("notes").isNull()).isTrue();
        assertThat(progress.raw().body()).doesNotContain("SQL every day");

        tenant.member("ada").put("/api/insights/sharing/mentor", "{\"tier\": \"full\"}");
        ApiClient.Response full = mentor.get("/api/insights/advisor/members/ada");
        assertThat(full.json().path("contacts").get(0).path("name").asString()).isEqualTo("Priya Raman");
        assertThat(full.raw().body()).as("the e-mail is never shown").doesNotContain("priya@northwind.example");
        JsonNode notes = full.json().path("notes");
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).path("interviewId").asString()).isEqualTo("i-1");
        assertThat(notes.get(0).path("entries").get(0).path("text").asString()).isEqualTo("SQL every day");
        assertThat(notes.get(0).path("takeaways").get(0).asString()).isEqualTo("Learn dbt");
    }

    @Test
    void theSynthesisTierShowsTheAnonymizedSynthesisAndProgressDoesNot() {
        String cohort = cohortWith("ada");
        admin.put("/api/insights/admin/advisors/mentor/cohorts/" + cohort, "");
        activityOf("ada");
        // as notes-service announces it: already anonymized there, from shareable entries only
        tenant.publish("ada", new SynthesisUpdated("ada", 3, 7, Instant.now(), new SynthesisUpdated.Shared(2,
                List.of(new SynthesisUpdated.SharedTheme("skills", "sql", 2, false),
                        new SynthesisUpdated.SharedTheme("culture", "remote first", 1, true)),
                List.of(new SynthesisUpdated.SharedTheme("skills", "stakeholder communication", 2, false)))));
        ApiClient member = tenant.member("ada");
        ApiClient mentor = tenant.advisor("mentor");
        member.put("/api/insights/sharing/mentor", "{\"tier\": \"progress\"}");
        assertThat(mentor.get("/api/insights/advisor/members/ada").json().path("synthesis").isNull()).isTrue();

        member.put("/api/insights/sharing/mentor", "{\"tier\": \"synthesis\"}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode synthesis = mentor.get("/api/insights/advisor/members/ada").json().path("synthesis");
            assertThat(synthesis.path("interviews").asInt()).isEqualTo(3);
            assertThat(synthesis.path("themes").asInt()).isEqualTo(7);
            JsonNode anonymized = synthesis.path("anonymized");
            assertThat(anonymized.path("interviews").asInt()).isEqualTo(2);
            assertThat(anonymized.path("themes")).hasSize(2);
            assertThat(anonymized.path("themes").get(0).path("label").asString()).isEqualTo("sql");
            assertThat(anonymized.path("themes").get(0).path("interviews").asInt()).isEqualTo(2);
            assertThat(anonymized.path("themes").get(1).path("singlePerspective").asBoolean()).isTrue();
            assertThat(anonymized.path("skillGaps").get(0).path("label").asString()).isEqualTo("stakeholder communication");
        });
        // the synthesis tier is not the full one: still no contacts
        assertThat(mentor.get("/api/insights/advisor/members/ada").json().path("contacts").isNull()).isTrue();
    }

    @Test
    void remindersFallingDueAreNotTheMembersActivity() {
        String cohort = cohortWith("ada");
        admin.put("/api/insights/admin/advisors/mentor/cohorts/" + cohort, "");
        Instant weeksAgo = Instant.now().minus(Duration.ofDays(20));
        kafka.send(TestEvents.record(new ContactAdded("c-1", "Priya Raman", null, "Northwind Health", null, "alumni",
                "UTC", null, weeksAgo, null), tenant.memberOf("ada"), UUID.randomUUID().toString(), weeksAgo)).join();
        // Rapport nudging a member who has gone quiet is not the member doing something.
        tenant.publish("ada", new ReminderDue("r-1", "KEEP_IN_TOUCH", "c-1", "Keep in touch with Priya", Instant.now(),
                Instant.now(), false));
        tenant.member("ada").put("/api/insights/sharing/mentor", "{\"tier\": \"progress\"}");
        ApiClient mentor = tenant.advisor("mentor");

        await().atMost(Duration.ofSeconds(20)).until(() ->
                mentor.get("/api/insights/advisor/members/ada").json().path("row").path("funnel").path("contacts").asInt() == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mentor.get("/api/insights/advisor/members/ada").json().path("row").path("signals").toString())
                        .contains("NO_ACTIVITY_FOR_14_DAYS"));
    }

    @Test
    void aRevokedShareIsNotFoundAtOnce() {
        String cohort = cohortWith("ada");
        admin.put("/api/insights/admin/advisors/mentor/cohorts/" + cohort, "");
        activityOf("ada");
        ApiClient member = tenant.member("ada");
        ApiClient mentor = tenant.advisor("mentor");
        member.put("/api/insights/sharing/mentor", "{\"tier\": \"full\"}");
        assertThat(mentor.get("/api/insights/advisor/members/ada").status()).isEqualTo(200);

        long revoked = System.nanoTime();
        assertThat(member.put("/api/insights/sharing/mentor", "{\"tier\": \"nothing\"}").json().path("tier").asString())
                .isEqualTo("NOTHING");
        ApiClient.Response after = mentor.get("/api/insights/advisor/members/ada");

        assertThat(after.status()).isEqualTo(404);
        assertThat(Duration.ofNanos(System.nanoTime() - revoked)).isLessThan(Duration.ofSeconds(5));
        assertThat(mentor.get("/api/insights/advisor/caseload").json().path("members")).isEmpty();
        assertThat(mentor.post("/api/insights/advisor/members/ada/nudges", "{\"text\": \"hello\"}").status()).isEqualTo(404);
    }

    @Test
    void unassignedAdvisorsAndOtherTenantsSeeNothing() {
        String cohort = cohortWith("ada");
        admin.put("/api/insights/admin/advisors/mentor/cohorts/" + cohort, "");
        activityOf("ada");
        ApiClient member = tenant.member("ada");
        // ada shares with an advisor no admin assigned her: still nothing to see for them
        member.put("/api/insights/sharing/stranger", "{\"tier\": \"full\"}");
        member.put("/api/insights/sharing/mentor", "{\"tier\": \"full\"}");

        assertThat(tenant.advisor("stranger").get("/api/insights/advisor/members/ada").status()).isEqualTo(404);
        assertThat(tenant.advisor("stranger").get("/api/insights/advisor/caseload").json().path("members")).isEmpty();
        // an advisor called mentor in another tenant
        ApiClient elsewhere = tenant.as("mentor", "uni-elsewhere-" + tenant.id.substring(4), "advisor");
        assertThat(elsewhere.get("/api/insights/advisor/members/ada").status()).isEqualTo(404);
        assertThat(elsewhere.get("/api/insights/advisor/caseload").json().path("members")).isEmpty();
        // another tenant's admin cannot see or change this tenant's cohort
        ApiClient otherAdmin = tenant.as("dean", "uni-elsewhere-" + tenant.id.substring(4), "admin");
        assertThat(otherAdmin.get("/api/insights/admin/cohorts/" + cohort + "/members").status()).isEqualTo(404);
        assertThat(otherAdmin.put("/api/insights/admin/cohorts/" + cohort + "/members/eve", "").status()).isEqualTo(404);
        // a member token without the role gets a problem, not the data
        ApiClient.Response asMember = tenant.member("ada").get("/api/insights/advisor/caseload");
        assertThat(asMember.status()).isEqualTo(403);
        assertThat(asMember.contentType()).startsWith("application/problem+json");
        assertThat(tenant.member("ada").get("/api/insights/admin/cohorts").status()).isEqualTo(403);
    }

    @Test
    void theMinimumGroupSizeIsFiveByDefaultAndNeverBelowThree() {
        assertThat(admin.get("/api/insights/admin/settings").json().path("minGroupSize").asInt()).isEqualTo(5);

        ApiClient.Response two = admin.put("/api/insights/admin/settings", "{\"minGroupSize\": 2}");
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.contentType()).startsWith("application/problem+json");
        assertThat(two.json().path("errors").get(0).path("field").asString()).isEqualTo("minGroupSize");
        assertThat(admin.put("/api/insights/admin/settings", "{\"minGroupSize\": 3.5}").status()).isEqualTo(400);
        assertThat(admin.put("/api/insights/admin/settings", "{}").json().path("errors").get(0).path("field").asString())
                .isEqualTo("minGroupSize");

        assertThat(admin.put("/api/insights/admin/settings", "{\"minGroupSize\": 3}").json().path("minGroupSize").asInt())
                .isEqualTo(3);
        assertThat(admin.get("/api/insights/admin/settings").json().path("minGroupSize").asInt()).isEqualTo(3);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        ApiClient.Response noName = admin.post("/api/insights/admin/cohorts", "{\"kind\": \"program\"}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().path("errors").get(0).path("field").asString()).isEqualTo("name");

        ApiClient.Response tier = tenant.member("ada").put("/api/insights/sharing/mentor", "{\"tier\": \"everything\"}");
        assertThat(tier.status()).isEqualTo(400);
        assertThat(tier.json().path("errors").get(0).path("field").asString()).isEqualTo("tier");
        assertThat(admin.put("/api/insights/admin/cohorts/nope/members/ada", "").status()).isEqualTo(404);
    }
}
