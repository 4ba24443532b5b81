package io.rapport.insights.caseload;

import io.rapport.events.AdvisorNudged;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.Ids;
import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A short note from an advisor to a member ("try a second contact at Northwind"); reminders puts it in the inbox. */
public record Nudge(String id, Member member, String advisorId, String text, Instant sentAt) {

    public static final int MAX_TEXT = 500;

    public static Change<Nudge> send(Member member, String advisorId, String text, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        String clean = Fields.requiredText(text, "text", MAX_TEXT, problems);
        Fields.check(problems);
        Nudge nudge = new Nudge(Ids.newId(), member, advisorId, clean, now);
        return Change.of(nudge, new AdvisorNudged(nudge.id(), advisorId, clean, now));
    }
}
