package io.rapport.notes.goals;

import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import java.util.List;
import java.util.Optional;

/** Where goals are kept, with the events of each change. */
public interface Goals {

    /** @throws io.rapport.platform.domain.ConflictException on a stale version */
    void save(Change<Goal> change, long expectedVersion);

    Optional<Goal> find(Member owner, String id);

    List<Goal> list(Member owner);

    long eraseMember(Member owner);
}
