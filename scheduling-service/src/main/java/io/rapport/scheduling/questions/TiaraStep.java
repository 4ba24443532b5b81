package io.rapport.scheduling.questions;

/** The TIARA frame for an informational interview: Trends, Insights, Advice, Resources, Assignments. */
public enum TiaraStep {
    TRENDS, INSIGHTS, ADVICE, RESOURCES, ASSIGNMENTS
}
