package io.rapport.notes.synthesis;

import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import java.util.Optional;

/** The member's synthesis summary, one per member. */
public interface Syntheses {

    /** @return false when the event that caused this update had been applied before */
    boolean save(String causeEventId, Change<SynthesisSummary> change);

    Optional<SynthesisSummary> find(Member owner);

    long eraseMember(Member owner);
}
