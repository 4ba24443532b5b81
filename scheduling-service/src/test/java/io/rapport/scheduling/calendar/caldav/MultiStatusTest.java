package io.rapport.scheduling.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultiStatusTest {

    @Test
    void theCalendarDataOfEachSuccessfulResponse() {
        String xml = """
                <?xml version='1.0' encoding='utf-8'?>
                <multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
                  <response><href>/ada/work/a.ics</href><propstat><prop><C:calendar-data>BEGIN:VCALENDAR
                END:VCALENDAR
                </C:calendar-data></prop><status>HTTP/1.1 200 OK</status></propstat></response>
                  <response><href>/ada/work/b.ics</href><propstat><prop><C:calendar-data/></prop><status>HTTP/1.1 404 Not Found</status></propstat></response>
                  <D:response xmlns:D="DAV:"><D:href>/ada/work/c.ics</D:href><D:propstat><D:prop><cal:calendar-data xmlns:cal="urn:ietf:params:xml:ns:caldav">C</cal:calendar-data></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
                </multistatus>
                """;
        assertThat(MultiStatus.calendarData(xml.getBytes(StandardCharsets.UTF_8)))
                .containsExactly("BEGIN:VCALENDAR\nEND:VCALENDAR\n", "C");
    }

    @Test
    void anEmptyMultistatusHasNone() {
        assertThat(MultiStatus.calendarData("<multistatus xmlns=\"DAV:\" />".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityReadsLocalFiles() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE multistatus [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <multistatus xmlns="DAV:"><response><href>&x;</href></response></multistatus>
                """;
        assertThatThrownBy(() -> MultiStatus.calendarData(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void somethingElseThanAMultistatusIsRefused() {
        assertThatThrownBy(() -> MultiStatus.calendarData("<html><body>login</body></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("html");
        assertThatThrownBy(() -> MultiStatus.calendarData("BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
