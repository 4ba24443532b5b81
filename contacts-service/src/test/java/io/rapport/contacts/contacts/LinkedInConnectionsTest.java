package io.rapport.contacts.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.platform.domain.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkedInConnectionsTest {

    @Test
    void readsTheRealExportWithItsNotesPreambleQuotesAndLineNumbers() {
        String csv = "\uFEFFNotes:\r\n"
                + "\"When exporting your connection data, you may notice that some of the email addresses are missing. "
                + "You will only see email addresses for connections who have allowed their connections to see or download their email address.\"\r\n"
                + "\r\n"
                + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
                + "Grace,Hopper,https://www.linkedin.com/in/gracehopper,grace@navy.example,US Navy,Rear Admiral,12 Mar 2024\r\n"
                + "\"Margaret \"\"Maggie\"\"\",Hamilton,https://www.linkedin.com/in/mhamilton,,\"MIT, Instrumentation Lab\",Director,01 Jan 2023\r\n";

        List<LinkedInConnections.Row> rows = LinkedInConnections.parse(csv);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).line()).isEqualTo(5);
        assertThat(rows.get(0).input().name()).isEqualTo("Grace Hopper");
        assertThat(rows.get(0).input().linkedInUrl()).isEqualTo("https://www.linkedin.com/in/gracehopper");
        assertThat(rows.get(0).input().source()).isEqualTo("LINKEDIN");
        assertThat(rows.get(1).input().name()).isEqualTo("Margaret \"Maggie\" Hamilton");
        assertThat(rows.get(1).input().employer()).isEqualTo("MIT, Instrumentation Lab");
        assertThat(rows.get(1).line()).isEqualTo(6);
    }

    @Test
    void aFileWithoutTheHeaderRowIsRefused() {
        assertThatThrownBy(() -> LinkedInConnections.parse("name;email\nAda;ada@example.com\n"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().getFirst().field()).isEqualTo("file"));
    }
}
