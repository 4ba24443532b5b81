package io.rapport.notes.notes;

import io.rapport.platform.domain.Member;

/**
 * The member's interviews as scheduling announced them (proposed, scheduled, rescheduled, confirmed, held, …): a
 * note, a preparation or a thank-you may only be written under one of them, so no member can store anything under
 * another member's interview id.
 */
public interface KnownInterviews {

    /** Scheduling announced the member's interview; learning it again (a redelivery, a later event) changes nothing. */
    void learn(Member owner, String interviewId, String contactId);

    boolean knows(Member owner, String interviewId);

    /** Deletes everything of the member; deleting again is harmless. */
    long eraseMember(Member owner);
}
