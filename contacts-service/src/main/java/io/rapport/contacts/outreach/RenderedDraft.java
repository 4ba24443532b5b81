package io.rapport.contacts.outreach;

import java.util.List;

/**
 * A template rendered for one contact. When a placeholder has no value for the contact it is listed
 * in {@code missing} and left in the text as {@code {{name}}}, never rendered blank, and the draft
 * is not {@code complete}. The linter's findings on the text come with it.
 */
public record RenderedDraft(String text, boolean complete, List<String> missing, List<LintFinding> findings) {

    public RenderedDraft {
        missing = List.copyOf(missing);
        findings = List.copyOf(findings);
    }
}
