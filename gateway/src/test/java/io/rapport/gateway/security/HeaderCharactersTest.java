package io.rapport.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HeaderCharactersTest {

    /** Spring Security's own expressions (StrictServerWebExchangeFirewall), which the loop replaces. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void acceptsAndRefusesExactlyWhatSpringSecuritysExpressionsDo() {
        List<String> samples = new ArrayList<>(List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig", "a\tb", "\t", "caf\u00e9",
                "line\nbreak", "nul\u0000", "del\u007f", "next-line\u0085", "\u00a0nbsp", "unassigned\u0378",
                "emoji \uD83D\uDE00", "lone \uD800 surrogate", "private \uE000", "\u2028separator"));
        for (int codePoint = 0; codePoint < 0x3000; codePoint++) {
            samples.add("x" + Character.toString(codePoint) + "y");
        }
        for (String sample : samples) {
            assertThat(HeaderCharacters.NAMES.test(sample)).as("name %s", sample.codePoints().boxed().toList())
                    .isEqualTo(NAME.matcher(sample).matches());
            assertThat(HeaderCharacters.VALUES.test(sample)).as("value %s", sample.codePoints().boxed().toList())
                    .isEqualTo(VALUE.matcher(sample).matches());
        }
        // Spring Security's predicates let an absent header (null) pass; so do these.
        assertThat(HeaderCharacters.NAMES.test(null)).isTrue();
        assertThat(HeaderCharacters.VALUES.test(null)).isTrue();
    }
}
