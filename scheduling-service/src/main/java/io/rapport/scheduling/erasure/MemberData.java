package io.rapport.scheduling.erasure;

import io.rapport.platform.domain.Erasures;
import io.rapport.platform.domain.Member;
import io.rapport.scheduling.calendar.CalendarConnections;
import io.rapport.scheduling.calendar.CalendarFeeds;
import io.rapport.scheduling.contacts.KnownContacts;
import io.rapport.scheduling.interviews.Interviews;
import io.rapport.scheduling.questions.MemberQuestions;
import java.time.Instant;

/**
 * A member's data in scheduling-service. It exports nothing of its own (interviews are listed by
 * the API); erasing deletes everything scheduling holds of a member who asked to be erased: interviews (with any
 * unpublished events), question plans, their own questions, calendar feeds, the connected calendar's
 * credentials and the contacts copy.
 */
public class MemberData {

    private final Erasures erasures;
    private final Interviews interviews;
    private final MemberQuestions questions;
    private final CalendarFeeds feeds;
    private final KnownContacts contacts;
    private final CalendarConnections calendars;

    public MemberData(Erasures erasures, Interviews interviews, MemberQuestions questions, CalendarFeeds feeds,
            KnownContacts contacts, CalendarConnections calendars) {
        this.calendars = calendars;
        this.erasures = erasures;
        this.interviews = interviews;
        this.questions = questions;
        this.feeds = feeds;
        this.contacts = contacts;
    }

    /**
     * Erases once per request ({@link Erasures#erase}): a redelivered request deletes nothing the member created
     * after it was carried out, and no event from before it brings anything back.
     *
     * @return false when this request had been carried out before
     */
    public boolean erase(String eventId, Member member, Instant requestedAt) {
        return erasures.erase(member, eventId, requestedAt, () -> {
            interviews.eraseAll(member);
            questions.eraseAll(member);
            feeds.eraseAll(member);
            contacts.eraseAll(member);
            calendars.eraseAll(member);
        });
    }
}
