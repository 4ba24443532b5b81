package io.rapport.notes.synthesis;

import io.rapport.notes.notes.Category;
import java.util.List;
import java.util.Map;

/** The themes across a member's consented notes, per category, and the skills they lack. */
public record Synthesis(int interviewCount, int entryCount, Map<Category, List<Theme>> themes, List<Theme> skillGaps) {

    public Synthesis {
        themes = Map.copyOf(themes);
        skillGaps = List.copyOf(skillGaps);
    }

    public int themeCount() {
        return themes.values().stream().mapToInt(List::size).sum();
    }
}
