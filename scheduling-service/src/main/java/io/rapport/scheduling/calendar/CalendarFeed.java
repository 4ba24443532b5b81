package io.rapport.scheduling.calendar;

import io.rapport.platform.domain.Member;
import java.time.Instant;

/** A subscribable calendar of one member's interviews, opened by an unguessable token. */
public record CalendarFeed(String id, Member owner, String tokenHash, Instant createdAt) {
}
