package io.rapport.notes.profile;

import io.rapport.platform.domain.Member;
import java.util.Optional;

/** Where member profiles are kept, one per member. */
public interface Profiles {

    void save(MemberProfile profile);

    Optional<MemberProfile> find(Member owner);

    long eraseMember(Member owner);
}
