package io.rapport.scheduling.interviews;

import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where interviews are kept: each write stores the state and its events together, or neither. */
public interface Interviews {

    void add(Change<Interview> proposed);

    /**
     * Stores the change if the interview is still at {@code expectedVersion}.
     *
     * @throws io.rapport.platform.domain.ConflictException when it changed meanwhile
     */
    void update(Change<Interview> changed, long expectedVersion);

    Optional<Interview> find(Member owner, String id);

    /** A booked (scheduled or confirmed) interview of the member closer than {@code buffer} to the slot, other than {@code exceptId}. */
    Optional<Interview> bookedClashing(Member owner, Slot slot, Duration buffer, String exceptId);

    /** The member's interviews with an agreed slot starting in [from, to), in start order. */
    List<Interview> agreedBetween(Member owner, Instant from, Instant to, int limit);

    /** The member's interviews, newest first. */
    List<Interview> list(Member owner, int limit);

    /** @return how many interviews were deleted */
    long eraseAll(Member owner);

    /**
     * Interviews whose copy in the member's calendar is due to be written (each stored change of an agreed
     * interview marks it, in the same write), the longest waiting first.
     */
    List<Interview> calendarCopiesDue(Instant now, int limit);

    /** The calendar copy of the interview as it was then is written; a later change stays due. */
    void calendarCopyWritten(Interview asWritten);

    /** Writing the copy failed: due again at {@code retryAt}, unless the interview changed meanwhile. */
    void calendarCopyRetry(Interview asTried, Instant retryAt);

    /** The member connected a calendar: their agreed interviews from {@code from} on get a copy there. */
    long calendarCopiesWanted(Member owner, Instant from);
}
