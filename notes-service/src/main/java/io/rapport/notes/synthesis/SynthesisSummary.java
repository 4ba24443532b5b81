package io.rapport.notes.synthesis;

import io.rapport.events.SynthesisUpdated;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import java.time.Instant;

/** What is kept of the member's latest synthesis: its size and when it was brought up to date. */
public record SynthesisSummary(Member owner, int interviewCount, int entryCount, int themeCount, Instant updatedAt) {

    /** @param shared what an advisor the member shares their synthesis with may see of it */
    public static Change<SynthesisSummary> of(Member owner, Synthesis synthesis, SharedSynthesis shared, Instant now) {
        SynthesisSummary summary = new SynthesisSummary(owner, synthesis.interviewCount(), synthesis.entryCount(),
                synthesis.themeCount(), now);
        return Change.of(summary, new SynthesisUpdated(owner.memberId(), synthesis.interviewCount(),
                synthesis.themeCount(), now, shared.forAdvisor()));
    }
}
