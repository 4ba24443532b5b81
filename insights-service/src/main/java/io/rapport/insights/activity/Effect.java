package io.rapport.insights.activity;

import java.time.Instant;

/**
 * One thing an event does to a member's read model. An event becomes a few of these ({@link ActivityFacts}); the
 * store applies them all in one write, together with the event's id, so a redelivery changes nothing.
 */
public sealed interface Effect {

    /** A funnel counter goes up by one, in the member's totals and in the week of the event. */
    record Count(Counter counter) implements Effect {
    }

    /** A reply's latency in business days (for the median). */
    record ReplyLatency(int businessDays) implements Effect {
    }

    /** An employer the member approaches: the targets are the distinct employers of their contacts. */
    record Target(String employer) implements Effect {
    }

    /** The industry of the contact an outreach went to (a counter per industry, to date and in the week). */
    record IndustryApproached(Industry industry) implements Effect {
    }

    /** An outreach that waits for an answer; a second one to the same contact is its follow-up. */
    record OutreachOpened(String contactId, String outreachId, String employer, String timeZone, Instant sentAt)
            implements Effect {
    }

    /** The member touched the contact again (a call, an e-mail): a follow-up. */
    record FollowedUp(String contactId, Instant at) implements Effect {
    }

    /** The contact answered: the outreach no longer waits. */
    record Answered(String contactId) implements Effect {
    }

    record InterviewHeld(String interviewId, Instant endedAt) implements Effect {
    }

    record Thanked(String interviewId) implements Effect {
    }

    /** The contact as the member keeps it: shown only to an advisor the member shares everything with. */
    record ContactKnown(String contactId, String name, String email, String employer, String role, String stage)
            implements Effect {
    }

    record ContactStage(String contactId, String stage) implements Effect {
    }

    /**
     * The member's synthesis: how many interviews and themes, and the anonymized synthesis (null from producers
     * before it) — what the synthesis tier shows.
     */
    record Synthesis(int interviewCount, int themeCount, SharedSynthesis shared) implements Effect {
    }

    /** An interview's notes as the member may share them, replacing what was known of them. */
    record NotesShared(SharedNotes notes) implements Effect {
    }

    /** The funnel's counters. */
    enum Counter {
        CONTACTS, OUTREACH, REPLIES, INTERVIEWS_HELD, THANK_YOUS, THANK_YOUS_WITHIN_24H, THANK_YOUS_WITHIN_48H,
        REFERRALS, NOTES
    }
}
