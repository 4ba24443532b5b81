package io.rapport.contacts.employers;

import io.rapport.platform.domain.Member;
import java.util.List;
import java.util.Optional;

/** Where target employers are kept. */
public interface Employers {

    /** @throws io.rapport.platform.domain.ConflictException with {@code existingEmployerId} for a name the member already has */
    void add(TargetEmployer employer);

    /** @throws io.rapport.platform.domain.ConflictException on a stale version or a taken name */
    void update(TargetEmployer employer, long expectedVersion);

    Optional<TargetEmployer> find(Member owner, String id);

    List<TargetEmployer> all(Member owner);

    boolean delete(Member owner, String id);

    long deleteAll(Member owner);
}
