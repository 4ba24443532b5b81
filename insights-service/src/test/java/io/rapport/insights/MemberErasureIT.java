package io.rapport.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.ContactAdded;
import io.rapport.events.MemberDataErased;
import io.rapport.events.OutreachSent;
import io.rapport.test.ApiClient;
import java.time.Duration;
import java.time.Instant;
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
}
