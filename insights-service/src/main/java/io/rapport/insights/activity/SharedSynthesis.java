package io.rapport.insights.activity;

import java.util.List;

/**
 * The member's synthesis as notes-service anonymized it for sharing (SynthesisUpdated): what an advisor with the
 * synthesis tier reads. Built from shareable entries only, names replaced, employers hidden.
 *
 * @param interviews the interviews whose shareable notes it was built from
 */
public record SharedSynthesis(int interviews, List<Theme> themes, List<Theme> skillGaps) {

    public SharedSynthesis {
        themes = List.copyOf(themes);
        skillGaps = List.copyOf(skillGaps);
    }

    /** @param singlePerspective said in one interview only: a perspective, not a pattern */
    public record Theme(String category, String label, int interviews, boolean singlePerspective) {
    }
}
