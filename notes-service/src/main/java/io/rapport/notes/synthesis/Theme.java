package io.rapport.notes.synthesis;

import io.rapport.notes.notes.Category;
import java.util.List;

/**
 * A recurring idea in one category: how many distinct interviews support it (the rank), its weight
 * (how strongly, with repetition by one person damped), and where it was said. A theme from one
 * interview is a single perspective, not a pattern.
 */
public record Theme(Category category, String label, String key, int interviewCount, double weight,
        boolean singlePerspective, List<String> interviewIds, List<EntryRef> entries) {

    public Theme {
        interviewIds = List.copyOf(interviewIds);
        entries = List.copyOf(entries);
    }

    /** One supporting entry. */
    public record EntryRef(String interviewId, String entryId, String text) {
    }
}
