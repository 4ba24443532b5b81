package io.rapport.platform.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Which members asked to be erased, and when: one marker per member of a tenant. Once a member's data is erased,
 * no event created before the erasure may bring any of it back, however late it arrives or however often it is
 * redelivered; what the member does after the erasure is theirs again.
 *
 * <p>Every service keeps its own markers (in its own database) and checks them for every event it consumes
 * ({@code ErasedMemberEvents} in {@code io.rapport.platform.messaging}), so no service can forget to.
 */
public interface Erasures {

    /**
     * Carries out the erasure requested at {@code requestedAt} once: the marker is written first (from then on,
     * events from before the request are dropped), then {@code deletion} runs, then the erasure is marked done.
     * A redelivered request, or one older than an erasure already carried out, is skipped, so it cannot delete
     * what the member created since. If the deletion fails, the request is carried out again when redelivered.
     *
     * @param requestId the erasure event's id
     * @return false when the request was skipped
     */
    boolean erase(Member member, String requestId, Instant requestedAt, Runnable deletion);

    /** When the member's latest erasure was requested, if they were ever erased. */
    Optional<Instant> erasedAt(Member member);

    /** Whether the member was erased at or after {@code eventTime}: an event from then or before must be dropped. */
    default boolean erasedAfter(Member member, Instant eventTime) {
        return erasedAt(member).map(erasedAt -> !eventTime.isAfter(erasedAt)).orElse(false);
    }
}
