package io.rapport.insights.caseload;

import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;

/** Nudges sent (a port); the nudge and its AdvisorNudged event are one write. */
public interface NudgeStore {

    void save(Change<Nudge> change);

    void erase(Member member);
}
