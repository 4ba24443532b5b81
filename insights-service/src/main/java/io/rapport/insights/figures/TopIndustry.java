package io.rapport.insights.figures;

/**
 * One of a group's most approached industries in a period: how many distinct members of the group sent outreach to a
 * contact in it (at least k, or it is not there at all).
 */
public record TopIndustry(String industry, int members) {
}
