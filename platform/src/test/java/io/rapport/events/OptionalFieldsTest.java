package io.rapport.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.messaging.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Fields added to an event are optional: what a producer wrote before them still reads, with them null. */
class OptionalFieldsTest {

    @Test
    void anOutreachSentWrittenBeforeItsIndustryReadsWithNoIndustry() {
        OutreachSent sent = EventJson.read(("{\"outreachId\":\"o-1\",\"contactId\":\"c-1\",\"employer\":\"Acme\","
                + "\"channel\":\"EMAIL\",\"memberTimeZone\":\"UTC\",\"sentAt\":\"2026-11-20T09:15:00Z\"}")
                .getBytes(StandardCharsets.UTF_8), OutreachSent.class);

        assertThat(sent).isEqualTo(new OutreachSent("o-1", "c-1", "Acme", "EMAIL", "UTC",
                Instant.parse("2026-11-20T09:15:00Z"), null));
    }

    @Test
    void contactEventsWrittenBeforeTheLinkedInUrlReadWithNone() {
        ContactAdded added = EventJson.read("{\"contactId\":\"c-1\",\"name\":\"Ada\",\"email\":\"ada@acme.example\"}"
                .getBytes(StandardCharsets.UTF_8), ContactAdded.class);
        ContactUpdated updated = EventJson.read("{\"contactId\":\"c-1\",\"name\":\"Ada\",\"changedFields\":[\"name\"]}"
                .getBytes(StandardCharsets.UTF_8), ContactUpdated.class);

        assertThat(added.email()).isEqualTo("ada@acme.example");
        assertThat(added.linkedInUrl()).isNull();
        assertThat(updated.linkedInUrl()).isNull();
    }

    @Test
    void aSynthesisUpdatedWrittenBeforeTheSharedSynthesisReadsWithNone() {
        SynthesisUpdated updated = EventJson.read(("{\"memberId\":\"ada\",\"interviewCount\":3,\"themeCount\":7,"
                + "\"updatedAt\":\"2026-11-20T09:15:00Z\"}").getBytes(StandardCharsets.UTF_8), SynthesisUpdated.class);

        assertThat(updated.interviewCount()).isEqualTo(3);
        assertThat(updated.shared()).isNull();
    }

    @Test
    void theNewFieldsRoundTrip() {
        OutreachSent sent = new OutreachSent("o-1", "c-1", "Acme", "EMAIL", "UTC", Instant.parse("2026-11-20T09:15:00Z"),
                "Robotics");

        assertThat(EventJson.read(EventJson.write(sent).getBytes(StandardCharsets.UTF_8), OutreachSent.class)).isEqualTo(sent);
        assertThat(EventJson.write(new ContactAdded("c-1", "Ada", null, null, null, "OTHER", null, null, null,
                "linkedin.com/in/ada"))).contains("\"linkedInUrl\":\"linkedin.com/in/ada\"");
    }
}
