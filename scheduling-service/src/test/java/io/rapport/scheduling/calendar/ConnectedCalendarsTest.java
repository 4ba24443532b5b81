package io.rapport.scheduling.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.domain.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectedCalendarsTest {

    private static List<FieldProblem> problemsOf(String url) {
        List<FieldProblem> problems = new ArrayList<>();
        ConnectedCalendars.collectionUrl(url, problems);
        return problems;
    }

    @Test
    void theCollectionAddressIsNormalisedToEndWithASlash() {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(ConnectedCalendars.collectionUrl(" HTTPS://dav.example.org/ada/work ", problems))
                .hasToString("https://dav.example.org/ada/work/");
        assertThat(problems).isEmpty();
    }

    @Test
    void anAddressThatIsNotACalendarCollectionsIsRefusedNamingTheField() {
        assertThat(problemsOf(null)).extracting(FieldProblem::field).containsExactly("url");
        assertThat(problemsOf("ftp://dav.example.org/")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("http or https"));
        assertThat(problemsOf("https://ada:pw@dav.example.org/")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("must not contain a user name or password"));
        assertThat(problemsOf("https://dav.example.org/cal?x=1")).hasSize(1);
        assertThat(problemsOf("not a url")).hasSize(1);
        assertThat(problemsOf("https://dav.example.org/" + "a".repeat(ConnectedCalendars.MAX_URL))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("at most"));
    }
}
