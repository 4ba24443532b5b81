package io.rapport.contacts.outreach;

import io.rapport.platform.domain.Member;
import java.util.List;
import java.util.Optional;

/** Where the member's outreach templates are kept. */
public interface Templates {

    void add(Template template);

    /** @throws io.rapport.platform.domain.ConflictException on a stale version */
    void update(Template template, long expectedVersion);

    Optional<Template> find(Member owner, String id);

    List<Template> all(Member owner);

    boolean delete(Member owner, String id);

    long deleteAll(Member owner);
}
