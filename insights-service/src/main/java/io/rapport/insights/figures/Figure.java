package io.rapport.insights.figures;

/**
 * The organization's figures. Each has its contributors (the distinct members whose data it is made of): it is
 * shown only where at least k of them contribute. All but the first are ratios, so no cell is a plain sum.
 */
public enum Figure {
    /** Members with any activity in the period (contributors: those members). */
    ACTIVE_MEMBERS,
    /** Replies (or refusals) per outreach sent (contributors: members who sent outreach). */
    REPLY_RATE,
    /** Median business days from outreach to reply (contributors: members who had a reply). */
    MEDIAN_REPLY_BUSINESS_DAYS,
    /** Interviews held per active member (contributors: the active members). */
    INTERVIEWS_PER_MEMBER,
    /** Share of thank-yous sent within 24 hours of the interview (contributors: members who sent one). */
    THANK_YOUS_WITHIN_24H,
    /** Share of thank-yous sent within 48 hours (contributors: members who sent one). */
    THANK_YOUS_WITHIN_48H,
    /** Referrals per interview held (contributors: members who held an interview). */
    REFERRALS_PER_INTERVIEW
}
