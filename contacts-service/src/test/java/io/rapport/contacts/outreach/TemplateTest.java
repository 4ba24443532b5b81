package io.rapport.contacts.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private static final Member ALICE = new Member("alice", "uni");

    @Test
    void anUnknownPlaceholderIsRefusedAndListed() {
        assertThatThrownBy(() -> Template.create("t", ALICE, "Intro", "email", "Hi {{firstName}} at {{company}} {{ salary }}", Instant.now()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.field()).isEqualTo("body");
                        assertThat(p.message()).contains("company", "salary");
                    });
                });
    }

    @Test
    void aMissingValueIsReportedAndNeverRenderedBlank() {
        Template template = Template.create("t", ALICE, "Intro", "email",
                "Hi {{firstName}}, {{referrerName}} suggested I write. I saw {{hook}}.", Instant.now());

        TemplateRenderer.Rendered rendered = TemplateRenderer.render(template.body(),
                Map.of(Placeholder.FIRST_NAME, "Grace", Placeholder.HOOK, "  "));

        assertThat(rendered.text()).isEqualTo("Hi Grace, {{referrerName}} suggested I write. I saw {{hook}}.");
        assertThat(rendered.missing()).containsExactly("referrerName", "hook");
        assertThat(template.placeholders()).containsExactly(Placeholder.FIRST_NAME, Placeholder.REFERRER_NAME, Placeholder.HOOK);
    }
}
