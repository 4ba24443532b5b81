package io.rapport.notes.synthesis;

import io.rapport.events.SynthesisUpdated;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import java.time.Instant;

/** What is kept of the member's latest synthesis: its size and when it was brought up to date. */
public record SynthesisSummary(Member owner, int interviewCount, int entryCount, int themeCount, Instant updatedAt) {

    public static Change<SynthesisSummary> of(Member owner, Synthesis synthesis, Instant now) {
        SynthesisSummary summary = new SynthesisSummary(owner, synthesis.interviewCount(), synthesis.entryCount(),
                synthesis.themeCount(), now);
        return Change.of(summary, new SynthesisUpdated(owner.memberId(), synthesis.interviewCount(),
                synthesis.themeCount(), now));
    }
}
