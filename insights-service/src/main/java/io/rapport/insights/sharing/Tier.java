package io.rapport.insights.sharing;

/**
 * What a member shares with one advisor, each tier including the one before: nothing (the default); progress
 * (counts and stages, no names); synthesis (adds the synthesis's size); full (adds contacts, never an entry marked
 * sensitive).
 */
public enum Tier {
    NOTHING, PROGRESS, SYNTHESIS, FULL;

    public boolean includes(Tier other) {
        return compareTo(other) >= 0;
    }
}
