package io.rapport.insights.activity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndustryTest {

    @Test
    void industriesDifferingOnlyInCaseOrSpacesAreOneTheTextTrimmed() {
        assertThat(Industry.of("  Health   Care ")).isEqualTo(new Industry("health care", "Health Care"));
        assertThat(Industry.of("health care").key()).isEqualTo(Industry.of("HEALTH CARE").key());
        assertThat(Industry.of("   ")).isNull();
        assertThat(Industry.of(null)).isNull();
    }

    @Test
    void aLongTextIsCutAndTheKeyIsAFieldNameWithoutDotsOrDollars() {
        Industry cut = Industry.of("x".repeat(500));

        assertThat(cut.name()).hasSize(Industry.MAX_LENGTH);
        assertThat(Industry.of("Web3.0 $ales").key()).isEqualTo("web3_0 _ales");
        assertThat(Industry.of("Bio\u0000\ttech\n")).isEqualTo(new Industry("bio tech", "Bio tech"));
    }
}
