package io.rapport.contacts.member;

import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import java.time.Instant;

/** Where an erasure request is written with its MemberDataErased event, until every service has seen it. */
public interface ErasureRequests {

    void add(Member owner, Change<Instant> requested);

    long deleteAll(Member owner);
}
