package io.rapport.scheduling.interviews;

import io.rapport.platform.domain.Member;
import java.util.function.Supplier;

/**
 * Serializes bookings of one member: checking for a clash and storing the booked slot must not
 * interleave with another booking, or two overlapping interviews could both pass the check.
 */
public interface BookingLock {

    /**
     * Runs {@code work} while no other booking of the member runs, on any instance.
     *
     * @throws io.rapport.platform.domain.ConflictException when the member's calendar stays busy too long
     */
    <T> T exclusively(Member member, Supplier<T> work);
}
