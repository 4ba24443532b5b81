package io.rapport.scheduling.calendar;

import io.rapport.platform.domain.Member;
import java.util.List;
import java.util.Optional;

/** Where feed tokens are kept. Only a hash of each token is stored, so a copy of the database cannot open feeds. */
public interface CalendarFeeds {

    void add(CalendarFeed feed);

    Optional<CalendarFeed> findByTokenHash(String tokenHash);

    List<CalendarFeed> list(Member owner);

    /** @return false when the member has no such feed */
    boolean revoke(Member owner, String feedId);

    long eraseAll(Member owner);
}
