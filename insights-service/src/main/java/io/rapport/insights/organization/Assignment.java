package io.rapport.insights.organization;

/** An advisor assigned to a member, or to every member of a cohort. */
public record Assignment(String advisorId, Kind kind, String targetId) {

    public enum Kind {
        MEMBER, COHORT
    }
}
