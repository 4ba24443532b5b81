package io.rapport.contacts.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BusinessDaysTest {

    @Test
    void aReplyTheSameDayTookNoBusinessDay() {
        assertThat(BusinessDays.between(Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-02T17:00:00Z"),
                ZoneOffset.UTC)).isZero();
    }

    @Test
    void weekendsDoNotCount() {
        Instant friday = Instant.parse("2026-03-06T15:00:00Z");
        assertThat(BusinessDays.between(friday, Instant.parse("2026-03-08T15:00:00Z"), ZoneOffset.UTC)).isZero();
        assertThat(BusinessDays.between(friday, Instant.parse("2026-03-09T09:00:00Z"), ZoneOffset.UTC)).isEqualTo(1);
        assertThat(BusinessDays.between(friday, Instant.parse("2026-03-13T09:00:00Z"), ZoneOffset.UTC)).isEqualTo(5);
    }

    @Test
    void daysAreCountedInTheMembersTimeZone() {
        // Sent Friday 20:00 in New York (Saturday 01:00 UTC), answered Monday 20:00 there (Tuesday in UTC).
        Instant sent = Instant.parse("2026-03-07T01:00:00Z");
        Instant answered = Instant.parse("2026-03-10T00:00:00Z");

        assertThat(BusinessDays.between(sent, answered, ZoneId.of("America/New_York"))).isEqualTo(1);
        assertThat(BusinessDays.between(sent, answered, ZoneOffset.UTC)).isEqualTo(2);
        assertThat(BusinessDays.between(Instant.parse("2026-03-05T23:30:00Z"), Instant.parse("2026-03-06T01:00:00Z"),
                ZoneId.of("Asia/Tokyo"))).as("both on Friday in Tokyo").isZero();
    }

    @Test
    void responsivenessSplitsAtThreeBusinessDays() {
        assertThat(Responsiveness.ofLatency(3)).isEqualTo(Responsiveness.QUICK);
        assertThat(Responsiveness.ofLatency(4)).isEqualTo(Responsiveness.SLOW);
    }
}
