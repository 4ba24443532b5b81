package io.rapport.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.ContactAdded;
import io.rapport.events.MemberDataErased;
import io.rapport.events.OutreachSent;
import io.rapport.events.ReminderDue;
import io.rapport.events.SynthesisUpdated;
import io.rapport.insights.activity.ActivityStore;
import io.rapport.platform.domain.Member;
import io.rapport.test.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

/** MemberDataErased removes everything insights-service holds of the member: read models, shares, memberships. */
@InsightsServiceTest
class MemberErasureIT {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    ActivityStore activity;

    @Test
    void anErasedMemberLeavesNoTrace() {
        Tenant tenant = new Tenant(port, kafka);
        ApiClient admin = tenant.admin("dean");
        admin.put("/api/insights/admin/advisors/mentor/members/ada", "");
        ApiClient mentor = tenant.advisor("mentor");
        Instant before = Instant.now().minus(Duration.ofDays(1));
        ContactAdded contact = new ContactAdded("c-1", "Priya Raman", "priya@northwind.example", "Northwind", "PM", "alumni",
                "UTC", null, before, null);
        tenant.publish("ada", contact, new OutreachSent("o-1", "c-1", "Northwind", "email", "UTC", before, null));
        tenant.member("ada").put("/api/insights/sharing/mentor", "{\"tier\": \"full\"}");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                mentor.get("/api/insights/advisor/members/ada").json().path("row").path("funnel").path("outreachSent").asInt() == 1);

        tenant.publish("ada", new MemberDataErased("ada", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> mentor.get("/api/insights/advisor/members/ada").status() == 404);
        assertThat(tenant.member("ada").get("/api/insights/sharing").json().path("shares")).isEmpty();
        assertThat(tenant.member("ada").get("/api/insights/sharing").json().path("advisors")).isEmpty();
        assertThat(tenant.member("ada").get("/api/insights/contacts/c-1/outreach-note").json().path("othersInWindow").asInt())
                .isZero();
    }

    @Test
    void eventsEchoedAfterTheErasureBringNothingBack() {
        Tenant tenant = new Tenant(port, kafka);
        tenant.admin("dean").put("/api/insights/admin/advisors/mentor/members/ada", "");
        ApiClient mentor = tenant.advisor("mentor");
        Member ada = tenant.memberOf("ada");
        Instant before = Instant.now().minus(Duration.ofDays(1));
        tenant.publish("ada", new ContactAdded("c-1", "Priya Raman", "priya@northwind.example", "Northwind", "PM",
                "alumni", "UTC", null, before, null));
        tenant.member("ada").put("/api/insights/sharing/mentor", "{\"tier\": \"synthesis\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> mentor.get("/api/insights/advisor/members/ada").status() == 200);
        tenant.publish("ada", new MemberDataErased("ada", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> activity.find(ada).isEmpty());

        // Services that had not yet carried the erasure out still announce what they held, after it: the synthesis
        // refreshed after a note from before it, a reminder from before it falling due.
        tenant.publish("ada", new SynthesisUpdated("ada", 1, 1, Instant.now(), new SynthesisUpdated.Shared(1,
                        List.of(new SynthesisUpdated.SharedTheme("skills", "sql", 1, true)), List.of())),
                new ReminderDue("r-1", "SEND_THANK_YOU", "i-1", "Send a thank-you", Instant.now(), Instant.now(), false));

        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() ->
                activity.find(ada).isEmpty() && activity.synthesis(ada).isEmpty());
    }
}
