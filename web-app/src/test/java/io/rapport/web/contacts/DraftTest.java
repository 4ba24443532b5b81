package io.rapport.web.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DraftTest {

    @Test
    void theWordsAFindingPointsToAreMarkedAndTheRestKept() {
        String text = "Hi Priya, could you refer me for a job?";
        OutreachComposer.Draft draft = OutreachComposer.Draft.of(text, List.of(
                Map.of("start", 0, "end", text.length()),                       // a rule about the whole sentence
                Map.of("start", text.indexOf("job"), "end", text.indexOf("job") + 3),
                Map.of("start", text.indexOf("refer me"), "end", text.indexOf("refer me") + 8)));

        assertThat(draft.pieces()).extracting(OutreachComposer.Piece::text)
                .containsExactly("Hi Priya, could you ", "refer me", " for a ", "job", "?");
        assertThat(draft.pieces()).extracting(OutreachComposer.Piece::marked)
                .containsExactly(false, true, false, true, false);
        assertThat(String.join("", draft.pieces().stream().map(OutreachComposer.Piece::text).toList())).isEqualTo(text);
    }

    @Test
    void aFindingOutsideTheTextIsListedButMarksNothing() {
        OutreachComposer.Draft draft = OutreachComposer.Draft.of("Short.", List.of(Map.of("start", 3, "end", 99)));

        assertThat(draft.findings()).hasSize(1);
        assertThat(draft.pieces()).extracting(OutreachComposer.Piece::marked).containsExactly(false);
    }
}
