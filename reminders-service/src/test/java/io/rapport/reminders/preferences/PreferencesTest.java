package io.rapport.reminders.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreferencesTest {

    @Test
    void absentFieldsTakeTheDefaults() {
        Preferences p = Preferences.of(null, null, null, null, null, null, null, null, null, null);

        assertThat(p.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(p.morning()).isEqualTo(LocalTime.of(9, 0));
        assertThat(p.channels()).containsExactly(Channel.IN_APP);
        assertThat(p.keepInTouchDays()).isEqualTo(90);
        assertThat(p.byEmail()).isFalse();
    }

    @Test
    void aChosenZoneWinsOverTheOneEventsCarry() {
        Preferences chosen = Preferences.of("Asia/Tokyo", "08:30", List.of("email"), "ada@example.com", true,
                "22:00", "07:00", List.of("2026-12-25"), 60, ZoneId.of("Europe/Berlin"));

        assertThat(chosen.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(chosen.calendar().isBusinessDay(LocalDate.parse("2026-12-25"))).isFalse();
        assertThat(chosen.byEmail()).isTrue();
        assertThat(Preferences.DEFAULTS.withObservedTimeZone(ZoneId.of("Europe/Berlin")).zone())
                .isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void everyBadFieldIsNamed() {
        assertThatThrownBy(() -> Preferences.of("Mars/Olympus", "9 o'clock", List.of("pigeon"), "not-an-address", false,
                "22:00", null, List.of("2026-13-45"), 3, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("timeZone", "morningHour", "channels[0]", "email", "quietHours.end",
                                "holidays[0]", "keepInTouchDays"));
    }

    @Test
    void emailAndDigestNeedAnAddressAndTheEmailChannel() {
        assertThatThrownBy(() -> Preferences.of(null, null, List.of("EMAIL"), null, false, null, null, null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("email"));
        assertThatThrownBy(() -> Preferences.of(null, null, null, "ada@example.com", true, null, null, null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("digest"));
    }

    @Test
    void theMorningHourCannotFallInQuietHours() {
        assertThatThrownBy(() -> Preferences.of(null, "06:00", null, null, false, "22:00", "07:00", null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("morningHour"));
    }
}
