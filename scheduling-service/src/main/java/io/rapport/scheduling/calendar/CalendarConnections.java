package io.rapport.scheduling.calendar;

import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.Optional;

/** Where each member's calendar connection is kept (one per member), with its events in the same write. */
public interface CalendarConnections {

    Optional<CalendarConnection> find(Member owner);

    /** Connects, or replaces the member's connection. */
    void connect(Change<CalendarConnection> connected);

    /**
     * Deletes the address, user and secret, keeping the event in the same write.
     *
     * @return false when the member had no calendar connected
     */
    boolean disconnect(Member owner, Change<Instant> disconnected);

    void recordSuccess(Member owner, Instant at);

    void recordFailure(Member owner, String plainError, Instant at);

    long eraseAll(Member owner);
}
