package io.rapport.notes.goals;

import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Ids;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import io.rapport.platform.domain.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The member's use cases on their growth plan. */
public class GrowthPlan {

    private final Goals goals;
    private final Clock clock;

    public GrowthPlan(Goals goals, Clock clock) {
        this.goals = goals;
        this.clock = clock;
    }

    public Goal create(Member owner, String title, List<String> themes, String metric, Double target, LocalDate dueOn,
            String quarter) {
        Change<Goal> created = Goal.create(Ids.newId(), Ids.newId(), owner, title, themes, metric, target, dueOn, quarter,
                clock.instant());
        goals.save(created, 0);
        return get(owner, created.state().id());
    }

    public Goal get(Member owner, String id) {
        return goals.find(owner, id).orElseThrow(() -> new NotFoundException("goal", id));
    }

    public List<Goal> list(Member owner) {
        return goals.list(owner);
    }

    public Goal updateProgress(Member owner, String id, Double value, String note) {
        Goal current = get(owner, id);
        goals.save(current.update(value, note, clock.instant()), current.version());
        return get(owner, id);
    }

    /** The quarterly review: the quarter's goals that are behind schedule. */
    public List<Goal> behindSchedule(Member owner, String quarter) {
        if (!Goal.isQuarter(quarter)) {
            throw new InvalidInputException("quarter", "must look like 2026-Q4");
        }
        return goals.list(owner).stream()
                .filter(goal -> goal.quarter().equals(quarter))
                .filter(goal -> goal.behindSchedule(clock.instant()))
                .toList();
    }

    public String currentQuarter() {
        return Goal.quarterOf(LocalDate.ofInstant(clock.instant(), clock.getZone()));
    }
}
