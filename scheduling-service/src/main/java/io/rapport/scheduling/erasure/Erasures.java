package io.rapport.scheduling.erasure;

import io.rapport.platform.domain.Member;

/** The erasure requests already carried out, by event id, so a redelivered request has no second effect. */
public interface Erasures {

    boolean done(String eventId);

    void remember(String eventId, Member member);
}
