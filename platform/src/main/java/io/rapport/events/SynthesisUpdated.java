package io.rapport.events;

import java.time.Instant;
import java.util.List;

/**
 * The member's synthesis across interviews was brought up to date.
 *
 * @param shared the synthesis as the member may share it with an advisor (anonymized, from shareable entries only);
 *     null from producers before it
 */
public record SynthesisUpdated(String memberId, int interviewCount, int themeCount, Instant updatedAt, Shared shared)
        implements DomainEvent {

    @Override
    public String subject() {
        return memberId;
    }

    /**
     * The anonymized synthesis: its themes (at most 5 per category, the best supported first) and the skills the
     * member still needs (at most 10), every label with names replaced and employers hidden, at most 200 characters.
     *
     * @param interviewCount the interviews whose shareable notes it was built from
     */
    public record Shared(int interviewCount, List<SharedTheme> themes, List<SharedTheme> skillGaps) {
    }

    /**
     * @param category the notes' category, lower case ({@code skills}, {@code day_to_day}, …)
     * @param interviewCount how many distinct interviews support it
     * @param singlePerspective said in one interview only: a perspective, not a pattern
     */
    public record SharedTheme(String category, String label, int interviewCount, boolean singlePerspective) {
    }
}
