package io.rapport.scheduling.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.scheduling.calendar.CalDav.CalDavException;
import io.rapport.scheduling.calendar.CalendarAccess;
import io.rapport.scheduling.calendar.CalendarConnection.AuthKind;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpCalDavTest {

    private final HttpCalDav calDav = new HttpCalDav(Duration.ofSeconds(1), Duration.ofSeconds(1), false);

    private static CalendarAccess at(String url) {
        return new CalendarAccess(URI.create(url), "ada", AuthKind.PASSWORD, "pw");
    }

    @Test
    void addressesInLocalOrPrivateNetworksAreRefusedBeforeAnyCall() {
        for (String url : new String[] {"http://127.0.0.1:5232/ada/", "http://169.254.169.254/latest/",
                "http://10.0.0.7/dav/", "http://192.168.1.2/dav/", "http://[::1]:5232/", "http://localhost/"}) {
            assertThatThrownBy(() -> calDav.put(at(url), "x.ics", "BEGIN:VCALENDAR"))
                    .as(url).isInstanceOf(CalDavException.class)
                    .hasMessageEndingWith("is in a local or private network, which this Rapport does not call");
        }
    }

    @Test
    void publicAddressesAreNotPrivate() throws Exception {
        assertThat(HttpCalDav.isPrivate(InetAddress.getByName("93.184.216.34"))).isFalse();
        assertThat(HttpCalDav.isPrivate(InetAddress.getByName("2606:2800:220:1::1"))).isFalse();
        assertThat(HttpCalDav.isPrivate(InetAddress.getByName("100.64.0.1"))).isTrue();
        assertThat(HttpCalDav.isPrivate(InetAddress.getByName("fd00::1"))).isTrue();
    }

    @Test
    void theQueriesAskForTimesOnly() {
        String query = HttpCalDav.timesQuery(java.time.Instant.parse("2027-03-29T08:00:00Z"),
                java.time.Instant.parse("2027-03-29T10:00:00Z"));
        assertThat(query).contains("<C:prop name=\"DTSTART\"/>", "<C:prop name=\"DTEND\"/>", "<C:prop name=\"DURATION\"/>",
                "start=\"20270329T080000Z\" end=\"20270329T100000Z\"")
                .doesNotContain("SUMMARY", "ATTENDEE", "DESCRIPTION", "allprop");
        assertThat(HttpCalDav.freeBusyQuery(java.time.Instant.parse("2027-03-29T08:00:00Z"),
                java.time.Instant.parse("2027-03-29T10:00:00Z"))).contains("<C:free-busy-query");
    }
}
